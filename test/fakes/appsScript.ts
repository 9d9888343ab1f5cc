/**
 * Small, faithful fakes of the Apps Script services the add-on uses, for loading the built
 * dist/Code.js in a Node vm context. They follow the published behaviour that matters here:
 * values written with setValues/appendRow are parsed as if typed by a user (a leading `'` keeps
 * text, a leading `=` makes a formula), getValues returns Date objects for date cells, onOpen in
 * AuthMode.NONE may build menus but not open the spreadsheet, and every call is counted.
 */
type Cell = string | number | boolean | Date | null | undefined;

/** A stored cell: a value, or a formula whose value is what Sheets would show for it. */
type Stored = { kind: 'value'; value: Exclude<Cell, null> } | { kind: 'text'; value: string } | { kind: 'formula'; formula: string };

export interface FakeOptions {
  /** Sheet name -> rows (header first), as a user would have typed them. */
  readonly sheets: Readonly<Record<string, readonly (readonly Cell[])[]>>;
  /** The vm context's Date, so `instanceof Date` holds inside the bundle. */
  readonly DateCtor: DateConstructor;
  readonly timeZone?: string;
  readonly user?: string;
  readonly mailQuota?: number;
  readonly authMode?: 'NONE' | 'LIMITED' | 'FULL';
  /** Files of the script project, for HtmlService.createHtmlOutputFromFile. */
  readonly files?: Readonly<Record<string, string>>;
}

export interface WriteRecord {
  readonly method: 'setValues' | 'setValue' | 'appendRow';
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  readonly locked: boolean;
}

export interface SentMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly attachments: readonly { name: string; contentType: string; bytes: number[] }[];
}

const DEFAULT_MAX_ROWS = 1000;
const DEFAULT_MAX_COLUMNS = 26;

const isNumeric = (text: string): boolean => /^-?\d+(\.\d+)?$/.test(text.trim());

/** What Sheets stores when a user types `input` (setValues and appendRow parse values this way). */
function parseEntered(input: unknown, DateCtor: DateConstructor): Stored | null {
  if (input === null || input === undefined || input === '') return null;
  if (typeof input === 'string') {
    if (input.startsWith("'")) return { kind: 'text', value: input.slice(1) };
    if (/^[=+@]/.test(input) || (input.startsWith('-') && !isNumeric(input))) return { kind: 'formula', formula: input };
    if (isNumeric(input)) return { kind: 'value', value: Number(input) };
    return { kind: 'value', value: input };
  }
  if (input instanceof Date || Object.prototype.toString.call(input) === '[object Date]') return { kind: 'value', value: new DateCtor((input as Date).getTime()) };
  if (typeof input === 'number' || typeof input === 'boolean') return { kind: 'value', value: input };
  throw new Error(`Exception: The parameters (${typeof input}) don't match the method signature.`);
}

/** Seeds hold values as they were typed or as exceljs/getValues would hold them: no parsing. */
function seeded(input: Cell, DateCtor: DateConstructor): Stored | null {
  if (input === null || input === undefined || input === '') return null;
  if (input instanceof Date) return { kind: 'value', value: new DateCtor(input.getTime()) };
  return { kind: 'value', value: input };
}

export function createAppsScriptFakes(options: FakeOptions) {
  const { DateCtor } = options;
  const timeZone = options.timeZone ?? 'America/Santiago';
  const authMode = options.authMode ?? 'FULL';
  const calls: string[] = [];
  const writes: WriteRecord[] = [];
  const sentMail: SentMail[] = [];
  const alerts: string[] = [];
  const promptAnswers: string[] = [];
  const sidebars: { title: string; content: string }[] = [];
  const menus: { title: string; items: { caption: string; functionName: string }[] }[] = [];
  const sleeps: number[] = [];
  const triggers: { handler: string; eventType: string; source: string; everyDays?: number; atHour?: number }[] = [];
  const userProperties = new Map<string, string>();
  /** One store per spreadsheet, shared by every user of it, as DocumentProperties is. */
  const documentProperties = new Map<string, string>();
  let quota = options.mailQuota ?? 100;
  let locked = false;
  let uuid = 0;
  const count = (name: string) => calls.push(name);

  const needsAuthorization = (service: string) => {
    if (authMode === 'NONE') throw new Error(`Exception: You do not have permission to call ${service}. Required permissions: the add-on is not yet authorized in this document.`);
  };

  // ------------------------------------------------------------ spreadsheet

  interface Validation {
    row: number;
    column: number;
    numRows: number;
    numColumns: number;
    rule: unknown;
  }

  class FakeSheet {
    grid: (Stored | null)[][] = [];
    frozenRows = 0;
    maxRows: number;
    maxColumns: number;
    validations: Validation[] = [];
    formats: { row: number; column: number; numRows: number; numColumns: number; what: string; value: unknown }[] = [];
    constructor(
      public name: string,
      rows: readonly (readonly Cell[])[] = [],
    ) {
      this.grid = rows.map((row) => row.map((cell) => seeded(cell, DateCtor)));
      this.maxRows = Math.max(DEFAULT_MAX_ROWS, rows.length);
      this.maxColumns = Math.max(DEFAULT_MAX_COLUMNS, ...rows.map((r) => r.length));
    }
    lastRow(): number {
      for (let r = this.grid.length; r > 0; r--) if ((this.grid[r - 1] ?? []).some((c) => c !== null && c !== undefined)) return r;
      return 0;
    }
    lastColumn(): number {
      let last = 0;
      for (const row of this.grid)
        for (let c = row.length; c > last; c--)
          if (row[c - 1] !== null && row[c - 1] !== undefined) {
            last = c;
            break;
          }
      return last;
    }
    store(row: number, column: number, stored: Stored | null) {
      while (this.grid.length < row) this.grid.push([]);
      const cells = this.grid[row - 1]!;
      while (cells.length < column) cells.push(null);
      cells[column - 1] = stored;
      this.maxRows = Math.max(this.maxRows, row);
      this.maxColumns = Math.max(this.maxColumns, column);
    }
    shown(row: number, column: number): Cell {
      const stored = this.grid[row - 1]?.[column - 1];
      if (!stored) return '';
      if (stored.kind === 'formula') return '#NAME?';
      if (stored.value instanceof DateCtor) return new DateCtor(stored.value.getTime());
      return stored.value;
    }
    /** Insert rows above `before` (rows move, as when an accountant inserts a row). */
    insertRowsBefore(before: number, count: number) {
      this.grid.splice(before - 1, 0, ...Array.from({ length: count }, () => [] as (Stored | null)[]));
    }
    api(): GoogleSheetApi {
      return sheetApi(this);
    }
  }

  type GoogleSheetApi = ReturnType<typeof sheetApi>;

  const checkRange = (sheet: FakeSheet, row: number, column: number, numRows: number, numColumns: number) => {
    if (![row, column, numRows, numColumns].every((n) => Number.isInteger(n) && n >= 1)) {
      throw new Error(`Exception: The coordinates of the range are outside the dimensions of the sheet. (${sheet.name} ${row},${column},${numRows},${numColumns})`);
    }
  };

  function rangeApi(sheet: FakeSheet, row: number, column: number, numRows = 1, numColumns = 1) {
    checkRange(sheet, row, column, numRows, numColumns);
    const write = (method: WriteRecord['method'], values: unknown[][]) => {
      if (values.length !== numRows || values.some((r) => !Array.isArray(r) || r.length !== numColumns)) {
        throw new Error(`Exception: The number of rows or columns in the data does not match the range. The data has ${values.length} but the range has ${numRows}.`);
      }
      writes.push({ method, sheet: sheet.name, row, column, numRows, numColumns, locked });
      values.forEach((cells, r) => cells.forEach((value, c) => sheet.store(row + r, column + c, parseEntered(value, DateCtor))));
    };
    const format = (what: string, value: unknown) => sheet.formats.push({ row, column, numRows, numColumns, what, value });
    const range = {
      getValues: () => {
        count('Range.getValues');
        return Array.from({ length: numRows }, (_, r) => Array.from({ length: numColumns }, (_, c) => sheet.shown(row + r, column + c)));
      },
      getValue: () => (count('Range.getValue'), sheet.shown(row, column)),
      setValues: (values: unknown[][]) => (count('Range.setValues'), write('setValues', values), range),
      setValue: (value: unknown) => (count('Range.setValue'), write('setValue', [[value]]), range),
      getRow: () => (count('Range.getRow'), row),
      getColumn: () => (count('Range.getColumn'), column),
      getNumRows: () => (count('Range.getNumRows'), numRows),
      getNumColumns: () => (count('Range.getNumColumns'), numColumns),
      getSheet: () => (count('Range.getSheet'), sheet.api()),
      setFontWeight: (v: string) => (count('Range.setFontWeight'), format('fontWeight', v), range),
      setFontSize: (v: number) => (count('Range.setFontSize'), format('fontSize', v), range),
      setBackground: (v: string) => (count('Range.setBackground'), format('background', v), range),
      setNumberFormat: (v: string) => (count('Range.setNumberFormat'), format('numberFormat', v), range),
      setDataValidation: (rule: unknown) => {
        count('Range.setDataValidation');
        sheet.validations = sheet.validations.filter((v) => !(v.row === row && v.column === column && v.numRows === numRows && v.numColumns === numColumns));
        sheet.validations.push({ row, column, numRows, numColumns, rule });
        return range;
      },
      getDataValidation: () => {
        count('Range.getDataValidation');
        const found = sheet.validations.find((v) => row >= v.row && row < v.row + v.numRows && column >= v.column && column < v.column + v.numColumns);
        return found ? found.rule : null;
      },
    };
    return range;
  }

  function sheetApi(sheet: FakeSheet) {
    return {
      getName: () => (count('Sheet.getName'), sheet.name),
      getLastRow: () => (count('Sheet.getLastRow'), sheet.lastRow()),
      getLastColumn: () => (count('Sheet.getLastColumn'), sheet.lastColumn()),
      getMaxRows: () => (count('Sheet.getMaxRows'), sheet.maxRows),
      getMaxColumns: () => (count('Sheet.getMaxColumns'), sheet.maxColumns),
      getRange: (row: number, column: number, numRows?: number, numColumns?: number) => (count('Sheet.getRange'), rangeApi(sheet, row, column, numRows, numColumns)),
      getDataRange: () => (count('Sheet.getDataRange'), rangeApi(sheet, 1, 1, Math.max(1, sheet.lastRow()), Math.max(1, sheet.lastColumn()))),
      appendRow: (values: unknown[]) => {
        count('Sheet.appendRow');
        const row = sheet.lastRow() + 1;
        writes.push({ method: 'appendRow', sheet: sheet.name, row, column: 1, numRows: 1, numColumns: values.length, locked });
        values.forEach((value, c) => sheet.store(row, c + 1, parseEntered(value, DateCtor)));
        return sheetApi(sheet);
      },
      setFrozenRows: (n: number) => (count('Sheet.setFrozenRows'), (sheet.frozenRows = n), sheetApi(sheet)),
      getFrozenRows: () => (count('Sheet.getFrozenRows'), sheet.frozenRows),
      autoResizeColumns: (_start: number, _n: number) => (count('Sheet.autoResizeColumns'), sheetApi(sheet)),
      activate: () => (count('Sheet.activate'), sheetApi(sheet)),
    };
  }

  const sheets: FakeSheet[] = Object.entries(options.sheets).map(([name, rows]) => new FakeSheet(name, rows));

  const spreadsheetApi = {
    getSheets: () => (count('Spreadsheet.getSheets'), sheets.map((s) => s.api())),
    getSheetByName: (name: string) => {
      count('Spreadsheet.getSheetByName');
      return sheets.find((s) => s.name === name)?.api() ?? null;
    },
    insertSheet: (name: string) => {
      count('Spreadsheet.insertSheet');
      if (sheets.some((s) => s.name === name)) throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
      const sheet = new FakeSheet(name);
      sheets.push(sheet);
      return sheet.api();
    },
    getSpreadsheetTimeZone: () => (count('Spreadsheet.getSpreadsheetTimeZone'), timeZone),
    getId: () => (count('Spreadsheet.getId'), 'fake-spreadsheet-id'),
  };

  // ------------------------------------------------------------ ui

  const ui = {
    ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' },
    Button: { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' },
    createAddonMenu: () => {
      count('Ui.createAddonMenu');
      return menuApi('Facturas');
    },
    createMenu: (title: string) => (count('Ui.createMenu'), menuApi(title)),
    alert: (...args: unknown[]) => {
      count('Ui.alert');
      alerts.push(args.filter((a) => typeof a === 'string' && !['OK', 'OK_CANCEL', 'YES_NO'].includes(a)).join('\n'));
      return 'OK';
    },
    prompt: (..._args: unknown[]) => {
      count('Ui.prompt');
      const answer = promptAnswers.shift();
      return { getSelectedButton: () => (answer === undefined ? 'CANCEL' : 'OK'), getResponseText: () => answer ?? '' };
    },
    showSidebar: (output: { getContent(): string; getTitle(): string }) => {
      count('Ui.showSidebar');
      sidebars.push({ title: output.getTitle(), content: output.getContent() });
    },
  };

  function menuApi(title: string) {
    const menu = { title, items: [] as { caption: string; functionName: string }[] };
    const api = {
      addItem: (caption: string, functionName: string) => (count('Menu.addItem'), menu.items.push({ caption, functionName }), api),
      addSeparator: () => (count('Menu.addSeparator'), api),
      addSubMenu: (_sub: unknown) => (count('Menu.addSubMenu'), api),
      addToUi: () => {
        count('Menu.addToUi');
        menus.push(menu);
      },
    };
    return api;
  }

  // ------------------------------------------------------------ services

  const SpreadsheetApp = {
    getActiveSpreadsheet: () => (count('SpreadsheetApp.getActiveSpreadsheet'), needsAuthorization('SpreadsheetApp.getActiveSpreadsheet'), spreadsheetApi),
    getActive: () => (count('SpreadsheetApp.getActive'), needsAuthorization('SpreadsheetApp.getActive'), spreadsheetApi),
    getUi: () => (count('SpreadsheetApp.getUi'), ui),
    flush: () => count('SpreadsheetApp.flush'),
    newDataValidation: () => {
      count('SpreadsheetApp.newDataValidation');
      const rule: { type?: string; values?: string[]; showDropdown?: boolean; allowInvalid: boolean } = { allowInvalid: true };
      const builder = {
        requireValueInList: (values: string[], showDropdown = true) => ((rule.type = 'VALUE_IN_LIST'), (rule.values = [...values]), (rule.showDropdown = showDropdown), builder),
        setAllowInvalid: (allow: boolean) => ((rule.allowInvalid = allow), builder),
        build: () => ({ ...rule }),
      };
      return builder;
    },
  };

  const HtmlService = {
    createHtmlOutputFromFile: (name: string) => {
      count('HtmlService.createHtmlOutputFromFile');
      const file = options.files?.[name];
      if (file === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
      let content = file;
      let title = '';
      const output = {
        setTitle: (t: string) => ((title = t), output),
        getTitle: () => title,
        append: (more: string) => ((content += more), output),
        getContent: () => content,
        setWidth: (_w: number) => output,
      };
      return output;
    },
  };

  const MailApp = {
    getRemainingDailyQuota: () => (count('MailApp.getRemainingDailyQuota'), needsAuthorization('MailApp'), quota),
    sendEmail: (message: { to: string; subject: string; body: string; attachments?: { getName(): string; getContentType(): string; getBytes(): number[] }[] }) => {
      count('MailApp.sendEmail');
      needsAuthorization('MailApp');
      if (quota <= 0) throw new Error('Exception: Service invoked too many times for one day: email.');
      quota--;
      sentMail.push({
        to: message.to,
        subject: message.subject,
        body: message.body,
        attachments: (message.attachments ?? []).map((blob) => ({ name: blob.getName(), contentType: blob.getContentType(), bytes: blob.getBytes() })),
      });
    },
  };

  const LockService = {
    getDocumentLock: () => {
      count('LockService.getDocumentLock');
      return {
        waitLock: (_ms: number) => {
          count('Lock.waitLock');
          if (locked) throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
          locked = true;
        },
        tryLock: (_ms: number) => (count('Lock.tryLock'), locked ? false : (locked = true)),
        hasLock: () => locked,
        releaseLock: () => {
          count('Lock.releaseLock');
          locked = false;
        },
      };
    },
  };

  const propertiesApi = (store: Map<string, string>) => ({
    getProperty: (key: string) => (count('Properties.getProperty'), store.get(key) ?? null),
    setProperty: (key: string, value: string) => (count('Properties.setProperty'), store.set(key, String(value)), propertiesApi(store)),
    deleteProperty: (key: string) => (count('Properties.deleteProperty'), store.delete(key), propertiesApi(store)),
  });
  const PropertiesService = {
    getUserProperties: () => (count('PropertiesService.getUserProperties'), needsAuthorization('PropertiesService'), propertiesApi(userProperties)),
    getDocumentProperties: () => (count('PropertiesService.getDocumentProperties'), needsAuthorization('PropertiesService'), propertiesApi(documentProperties)),
  };

  const Utilities = {
    sleep: (ms: number) => (count('Utilities.sleep'), sleeps.push(ms)),
    getUuid: () => (count('Utilities.getUuid'), `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`),
    /** The instant of local midnight (or the given time) in `zone`, as Apps Script's parseDate gives it. */
    parseDate: (text: string, zone: string, pattern: string) => {
      count('Utilities.parseDate');
      if (pattern !== 'yyyy-MM-dd') throw new Error(`fake parseDate supports yyyy-MM-dd only, not ${pattern}`);
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!match) throw new Error(`Exception: Unparseable date: "${text}"`);
      const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      const offset = (instant: number) => {
        const parts = new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        }).formatToParts(new Date(instant));
        const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
        return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant;
      };
      let instant = utc - offset(utc);
      instant = utc - offset(instant);
      return new DateCtor(instant);
    },
    base64Decode: (text: string) => {
      count('Utilities.base64Decode');
      return [...Buffer.from(text, 'base64')].map((b) => (b > 127 ? b - 256 : b));
    },
    newBlob: (data: number[] | string, contentType: string, name: string) => {
      count('Utilities.newBlob');
      const bytes = typeof data === 'string' ? [...Buffer.from(data, 'utf8')].map((b) => (b > 127 ? b - 256 : b)) : data;
      const blob = {
        getBytes: () => bytes,
        getContentType: () => contentType,
        getName: () => name,
        getDataAsString: () => Buffer.from(bytes.map((b) => b & 0xff)).toString('utf8'),
        // Google renders HTML as a PDF here; the fake only relabels it, keeping the page's bytes for tests to read.
        getAs: (type: string) => {
          count('Blob.getAs');
          if (type !== 'application/pdf') throw new Error(`fake getAs supports application/pdf only, not ${type}`);
          return { ...blob, getContentType: () => type, getName: () => name.replace(/\.[^.]*$/, '') + '.pdf' };
        },
      };
      return blob;
    },
    base64Encode: (bytes: number[]) => (count('Utilities.base64Encode'), Buffer.from(bytes.map((b) => b & 0xff)).toString('base64')),
  };

  const ScriptApp = {
    AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
    getUserTriggers: (_source: unknown) => {
      count('ScriptApp.getUserTriggers');
      return triggers.map((t) => ({ getHandlerFunction: () => t.handler, getEventType: () => t.eventType }));
    },
    EventType: { CLOCK: 'CLOCK', ON_EDIT: 'ON_EDIT' },
    getProjectTriggers: () => {
      count('ScriptApp.getProjectTriggers');
      return triggers.map((t) => ({ getHandlerFunction: () => t.handler, getEventType: () => t.eventType }));
    },
    newTrigger: (handler: string) => {
      count('ScriptApp.newTrigger');
      return {
        timeBased: () => {
          const clock = {
            everyDays: (days: number) => ((clock.schedule.everyDays = days), clock),
            atHour: (hour: number) => ((clock.schedule.atHour = hour), clock),
            schedule: {} as { everyDays?: number; atHour?: number },
            create: () => {
              count('TriggerBuilder.create');
              triggers.push({ handler, eventType: 'CLOCK', source: 'clock', ...clock.schedule });
              return { getHandlerFunction: () => handler };
            },
          };
          return clock;
        },
        forSpreadsheet: (_source: unknown) => ({
          onEdit: () => ({
            create: () => {
              count('TriggerBuilder.create');
              triggers.push({ handler, eventType: 'ON_EDIT', source: 'spreadsheet' });
              return { getHandlerFunction: () => handler };
            },
          }),
        }),
      };
    },
  };

  const Session = {
    getActiveUser: () => (count('Session.getActiveUser'), { getEmail: () => options.user ?? 'contadora@example.cl' }),
    getEffectiveUser: () => (count('Session.getEffectiveUser'), { getEmail: () => options.user ?? 'contadora@example.cl' }),
    getScriptTimeZone: () => (count('Session.getScriptTimeZone'), timeZone),
  };

  const sheetNamed = (name: string): FakeSheet => {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  };

  return {
    globals: { SpreadsheetApp, HtmlService, MailApp, LockService, PropertiesService, Utilities, ScriptApp, Session },
    calls,
    writes,
    sentMail,
    alerts,
    promptAnswers,
    sidebars,
    menus,
    sleeps,
    triggers,
    userProperties,
    documentProperties,
    get locked() {
      return locked;
    },
    sheetNames: () => sheets.map((s) => s.name),
    /** What a user sees in a sheet: shown values, trimmed of empty trailing rows and columns. */
    values: (name: string): Cell[][] => {
      const sheet = sheetNamed(name);
      const rows = sheet.lastRow();
      const columns = sheet.lastColumn();
      return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => sheet.shown(r + 1, c + 1)));
    },
    stored: (name: string, row: number, column: number): Stored | null => sheetNamed(name).grid[row - 1]?.[column - 1] ?? null,
    formulas: (): { sheet: string; row: number; column: number; formula: string }[] =>
      sheets.flatMap((s) => s.grid.flatMap((cells, r) => cells.flatMap((cell, c) => (cell?.kind === 'formula' ? [{ sheet: s.name, row: r + 1, column: c + 1, formula: cell.formula }] : [])))),
    /** The whole spreadsheet as comparable data: values, frozen rows, validations and formats per sheet. */
    snapshot: () =>
      sheets.map((s) => ({
        name: s.name,
        grid: s.grid.map((cells) =>
          cells.map((cell) => (cell === null ? null : cell.kind === 'formula' ? `=${cell.formula}` : cell.value instanceof DateCtor ? cell.value.toISOString() : cell.value)),
        ),
        frozenRows: s.frozenRows,
        validations: s.validations,
        formats: s.formats,
      })),
    /** A user edit through the UI, not through the add-on: not counted, not logged as an add-on write. */
    userEdit: (name: string, row: number, column: number, value: Cell) => sheetNamed(name).store(row, column, parseEntered(value, DateCtor)),
    insertRowsBefore: (name: string, before: number, count: number) => sheetNamed(name).insertRowsBefore(before, count),
    sheetApi: (name: string) => sheetNamed(name).api(),
    setMailQuota: (n: number) => (quota = n),
    resetCounts: () => {
      calls.length = 0;
      writes.length = 0;
    },
  };
}

export type AppsScriptFakes = ReturnType<typeof createAppsScriptFakes>;
