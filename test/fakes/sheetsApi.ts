import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a cell holds when read with UNFORMATTED_VALUE: dates are serial numbers. */
export type FakeCell = string | number | boolean | null;

/** spreadsheets.get, spreadsheets.values.batchGet and spreadsheets.batchUpdate: all the store uses. */
export interface SheetsCall {
  readonly method: 'get' | 'batchGet' | 'batchUpdate';
  readonly path: string;
  readonly query: Record<string, string[]>;
  readonly body: unknown;
  readonly status: number;
  /** Bytes of the JSON answered, to check what one request costs. */
  readonly responseBytes?: number;
}

export interface FakeSheetsApi {
  /** Base URL to pass as the client's rootUrl. */
  readonly rootUrl: string;
  readonly spreadsheetId: string;
  readonly sheets: Map<string, FakeCell[][]>;
  readonly calls: SheetsCall[];
  /** The sheetId spreadsheets.get reports for a tab. */
  sheetId(sheet: string): number;
  /** A cell's number format as last written (`{type, pattern}`), 0-based row and column. */
  numberFormat(sheet: string, row: number, column: number): NumberFormat | undefined;
  /** Deletes a tab and adds one with the same name and rows under a new sheetId, as a person might. */
  recreateSheet(sheet: string): void;
  /** The next request of this kind answers 429 with Retry-After. */
  rateLimitNext(method: SheetsCall['method'], retryAfterSeconds?: number): void;
  /**
   * The next request of this kind fails with this status (e.g. 403: the sheet is no longer shared).
   * With `afterApplying`, it is carried out first, as when Google times out after committing.
   */
  failNext(method: SheetsCall['method'], status: number, options?: { afterApplying?: boolean }): void;
  /** Runs `action` just before the next request of this kind is carried out: another client writing at that moment. */
  beforeNext(method: SheetsCall['method'], action: () => void): void;
  /** The next request of this kind is answered only after `ms` (Google on a slow day). */
  delayNext(method: SheetsCall['method'], ms: number): void;
  /** Rows of a sheet as stored, header included. */
  rows(sheet: string): FakeCell[][];
  appendRow(sheet: string, row: FakeCell[]): void;
  close(): Promise<void>;
}

export interface NumberFormat {
  readonly type: string;
  readonly pattern?: string;
}

/**
 * `'Pagos'!B5:C6`, `Pagos!A1`, `'Pagos'!5:900` (whole rows), `'Pagos'`: the sheet and the 0-based
 * cells it covers; a side left open (`A:C`, no range at all) runs to the end of the grid.
 */
export function parseA1(range: string): { sheet: string; row: number; column: number; endRow: number; endColumn: number } {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))(?:!([A-Z]+)?(\d+)?(?::([A-Z]+)?(\d+)?)?)?$/.exec(range);
  if (!match || (match[0].includes('!') && match[3] === undefined && match[4] === undefined)) throw Object.assign(new Error(`Unable to parse range: ${range}`), { status: 400 });
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
  const columnOf = (text: string | undefined, open: number): number => {
    if (text === undefined) return open;
    let column = 0;
    for (const ch of text) column = column * 26 + (ch.charCodeAt(0) - 64);
    return column - 1;
  };
  const hasEnd = match[0].includes(':');
  const row = match[4] ? Number(match[4]) - 1 : 0;
  const column = columnOf(match[3], 0);
  return {
    sheet,
    row,
    column,
    endRow: hasEnd ? (match[6] ? Number(match[6]) - 1 : Infinity) : match[4] && match[3] ? row : Infinity,
    endColumn: hasEnd ? columnOf(match[5], Infinity) : match[4] && match[3] ? column : Infinity,
  };
}

const letters = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

const isEmpty = (cell: FakeCell | undefined): boolean => cell === null || cell === undefined || cell === '';

function trimmed(rows: FakeCell[][]): FakeCell[][] {
  const out = rows.map((row) => {
    let end = row.length;
    while (end > 0 && isEmpty(row[end - 1])) end--;
    return row.slice(0, end).map((c) => (c === null ? '' : c));
  });
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

/** Google's partial-response syntax (`a.b,c(d,e)`, `/` also separates) as a tree of kept keys. */
type FieldTree = { [key: string]: FieldTree | true };

export function parseFieldSelection(text: string): FieldTree {
  let at = 0;
  const fail = (): never => {
    throw Object.assign(new Error(`Invalid field selection ${text}`), { status: 400 });
  };
  const list = (): FieldTree => {
    const tree: FieldTree = {};
    for (;;) {
      const path: string[] = [];
      for (;;) {
        const name = /^[A-Za-z_*][A-Za-z0-9_]*/.exec(text.slice(at))?.[0] ?? fail();
        path.push(name);
        at += name.length;
        if (text[at] !== '.' && text[at] !== '/') break;
        at++;
      }
      let leaf: FieldTree | true = true;
      if (text[at] === '(') {
        at++;
        leaf = list();
        if (text[at] !== ')') fail();
        at++;
      }
      let node = tree;
      path.forEach((name, i) => {
        if (i === path.length - 1) {
          node[name] = leaf;
        } else {
          const next = node[name];
          if (next === true) return;
          node = node[name] = next ?? {};
        }
      });
      if (text[at] !== ',') return tree;
      at++;
    }
  };
  const tree = list();
  if (at !== text.length) fail();
  return tree;
}

function selectFields(value: unknown, tree: FieldTree | true): unknown {
  if (tree === true || tree['*'] === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => selectFields(item, tree));
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(tree)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = selectFields(field, sub);
  }
  return out;
}

interface ExtendedValue {
  readonly stringValue?: unknown;
  readonly numberValue?: unknown;
  readonly boolValue?: unknown;
  readonly formulaValue?: unknown;
  readonly errorValue?: unknown;
}
interface CellData {
  readonly userEnteredValue?: ExtendedValue;
  readonly userEnteredFormat?: { readonly numberFormat?: NumberFormat };
}
interface RowData {
  readonly values?: readonly CellData[];
}
interface BatchRequest {
  readonly appendCells?: { readonly sheetId?: number; readonly rows?: readonly RowData[]; readonly fields?: string };
  readonly updateCells?: {
    readonly start?: { readonly sheetId?: number; readonly rowIndex?: number; readonly columnIndex?: number };
    readonly range?: unknown;
    readonly rows?: readonly RowData[];
    readonly fields?: string;
  };
}

const NUMBER_FORMAT_TYPES = new Set(['TEXT', 'NUMBER', 'PERCENT', 'CURRENCY', 'DATE', 'TIME', 'DATE_TIME', 'SCIENTIFIC']);
const CELL_FIELDS = new Set(['*', 'userEnteredValue', 'userEnteredFormat', 'userEnteredFormat.numberFormat']);

const invalid = (message: string): Error => Object.assign(new Error(message), { status: 400 });

/**
 * A small, faithful stand-in for the Sheets v4 REST API over an in-memory workbook, with Google's
 * error shape: spreadsheets.get (with `fields`), values.batchGet, and spreadsheets.batchUpdate with
 * appendCells / updateCells, applied all or nothing: every request is checked and applied to a copy,
 * and one bad request (an unknown sheetId, a bad field mask, a formula) fails the call with 400 and
 * changes nothing. Formulas are refused outright because the fake cannot evaluate them.
 */
export async function startFakeSheetsApi(initial: Record<string, FakeCell[][]>, options: { timeZone?: string; spreadsheetId?: string } = {}): Promise<FakeSheetsApi> {
  const spreadsheetId = options.spreadsheetId ?? 'sheet-test-1';
  const timeZone = options.timeZone ?? 'America/Santiago';
  const sheets = new Map<string, FakeCell[][]>(Object.entries(initial).map(([name, rows]) => [name, rows.map((r) => [...r])]));
  // Like Google: the first tab is 0, the others large arbitrary numbers.
  let nextSheetId = 0;
  const newSheetId = (): number => {
    const id = nextSheetId;
    nextSheetId = 1_000_000_007 + ((nextSheetId * 7_919 + 104_729) % 900_000_000);
    return id;
  };
  const sheetIds = new Map<string, number>([...sheets.keys()].map((name) => [name, newSheetId()]));
  const formats = new Map<string, Map<string, NumberFormat>>([...sheets.keys()].map((name) => [name, new Map()]));
  const calls: SheetsCall[] = [];
  const limited = new Map<SheetsCall['method'], number>();
  const failing = new Map<SheetsCall['method'], { status: number; afterApplying: boolean }>();
  const interleaved = new Map<SheetsCall['method'], () => void>();
  const delayed = new Map<SheetsCall['method'], number>();
  const cellKey = (row: number, column: number): string => `${row},${column}`;

  const grid = (name: string): FakeCell[][] => {
    const rows = sheets.get(name);
    if (!rows) throw Object.assign(new Error(`Unable to parse range: ${name}`), { status: 400 });
    return rows;
  };

  // Like a new Google Sheet: 1000 rows and 26 columns, grown when data goes past them.
  const gridRows = (name: string): number => Math.max(1000, grid(name).length);
  const gridColumns = (name: string): number => Math.max(26, ...grid(name).map((r) => r.length));

  const setCell = (rows: FakeCell[][], row: number, column: number, value: FakeCell): void => {
    while (rows.length <= row) rows.push([]);
    const target = rows[row]!;
    while (target.length <= column) target.push(null);
    target[column] = value === '' ? null : value;
  };

  const lastRow = (rows: FakeCell[][]): number => {
    let last = rows.length;
    while (last > 0 && rows[last - 1]!.every(isEmpty)) last--;
    return last;
  };

  async function bodyOf(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text === '' ? undefined : JSON.parse(text);
  }

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const googleError = (status: number, message: string, reason: string) => ({ error: { code: status, message, status: reason } });

  /** The requests of one batchUpdate, applied in order to copies that replace the workbook only if all succeed. */
  function batchUpdate(body: unknown): unknown {
    const requests = (body as { requests?: unknown })?.requests;
    if (!Array.isArray(requests) || requests.length === 0) throw invalid('Must specify at least one request.');
    const draft = new Map([...sheets].map(([name, rows]) => [name, rows.map((r) => [...r])]));
    const draftFormats = new Map([...formats].map(([name, cells]) => [name, new Map(cells)]));
    const sheetNamed = (where: string, id: number | undefined): string => {
      const name = [...sheetIds].find(([, sheetId]) => sheetId === (id ?? 0))?.[0];
      if (name === undefined) throw invalid(`Invalid ${where}: No grid with id: ${id ?? 0}`);
      return name;
    };
    const maskOf = (where: string, fields: unknown): { value: boolean; format: boolean } => {
      if (typeof fields !== 'string' || fields.trim() === '') throw invalid(`Invalid ${where}: At least one field must be specified.`);
      const paths = fields.split(',').map((f) => f.trim());
      const unknown = paths.find((f) => !CELL_FIELDS.has(f));
      if (unknown !== undefined) throw invalid(`Invalid ${where}: the fake does not know the CellData field "${unknown}"`);
      return { value: paths.some((f) => f === '*' || f === 'userEnteredValue'), format: paths.some((f) => f === '*' || f.startsWith('userEnteredFormat')) };
    };
    const valueOf = (where: string, value: ExtendedValue | undefined): FakeCell => {
      if (value === undefined) return null;
      const kinds = Object.keys(value);
      if (kinds.length !== 1) throw invalid(`Invalid ${where}: userEnteredValue must set exactly one of stringValue, numberValue, boolValue, formulaValue, errorValue`);
      if (typeof value.stringValue === 'string') return value.stringValue;
      if (typeof value.numberValue === 'number' && Number.isFinite(value.numberValue)) return value.numberValue;
      if (typeof value.boolValue === 'boolean') return value.boolValue;
      if (value.formulaValue !== undefined) throw invalid(`Invalid ${where}: the fake does not evaluate formulas`);
      throw invalid(`Invalid ${where}: bad userEnteredValue ${JSON.stringify(value)}`);
    };
    const writeRows = (where: string, sheet: string, top: number, left: number, rows: readonly RowData[] | undefined, mask: { value: boolean; format: boolean }): void => {
      const target = draft.get(sheet)!;
      const cellFormats = draftFormats.get(sheet)!;
      (rows ?? []).forEach((row, r) =>
        (row.values ?? []).forEach((cell, c) => {
          if (mask.value) setCell(target, top + r, left + c, valueOf(where, cell.userEnteredValue));
          if (mask.format) {
            const format = cell.userEnteredFormat?.numberFormat;
            if (format === undefined) cellFormats.delete(cellKey(top + r, left + c));
            else if (!NUMBER_FORMAT_TYPES.has(format.type)) throw invalid(`Invalid ${where}: unknown number format type ${String(format.type)}`);
            else cellFormats.set(cellKey(top + r, left + c), { ...format });
          }
        }),
      );
    };
    (requests as BatchRequest[]).forEach((request, index) => {
      const kinds = Object.keys(request ?? {});
      if (kinds.length !== 1) throw invalid(`Invalid requests[${index}]: exactly one kind of request must be set`);
      if (request.appendCells) {
        const where = `requests[${index}].appendCells`;
        const sheet = sheetNamed(where, request.appendCells.sheetId);
        const mask = maskOf(where, request.appendCells.fields);
        writeRows(where, sheet, lastRow(draft.get(sheet)!), 0, request.appendCells.rows, mask);
      } else if (request.updateCells) {
        const where = `requests[${index}].updateCells`;
        const { start } = request.updateCells;
        if (!start) throw invalid(`Invalid ${where}: the fake supports only "start", not "range"`);
        const sheet = sheetNamed(where, start.sheetId);
        const row = start.rowIndex ?? 0;
        const column = start.columnIndex ?? 0;
        if (!Number.isInteger(row) || !Number.isInteger(column) || row < 0 || column < 0) throw invalid(`Invalid ${where}: bad start ${JSON.stringify(start)}`);
        writeRows(where, sheet, row, column, request.updateCells.rows, maskOf(where, request.updateCells.fields));
      } else {
        throw invalid(`Invalid requests[${index}]: the fake supports only appendCells and updateCells, not ${kinds[0]}`);
      }
    });
    for (const [name, rows] of draft) {
      const target = sheets.get(name)!;
      target.splice(0, target.length, ...rows);
      formats.set(name, draftFormats.get(name)!);
    }
    return { spreadsheetId, replies: requests.map(() => ({})) };
  }

  function handle(method: SheetsCall['method'], query: Record<string, string[]>, body: unknown): unknown {
    switch (method) {
      case 'get': {
        const spreadsheet = {
          spreadsheetId,
          properties: { title: 'Facturas test', locale: 'es_CL', autoRecalc: 'ON_CHANGE', timeZone },
          sheets: [...sheets.keys()].map((title, index) => ({
            properties: { sheetId: sheetIds.get(title)!, title, index, sheetType: 'GRID', gridProperties: { rowCount: gridRows(title), columnCount: gridColumns(title) } },
          })),
          spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`,
        };
        const fields = query['fields']?.[0];
        return fields === undefined ? spreadsheet : selectFields(spreadsheet, parseFieldSelection(fields));
      }
      case 'batchGet': {
        if (query['valueRenderOption']?.[0] !== 'UNFORMATTED_VALUE') throw Object.assign(new Error('fake expects UNFORMATTED_VALUE'), { status: 400 });
        const ranges = query['ranges'] ?? [];
        return {
          spreadsheetId,
          valueRanges: ranges.map((range) => {
            const { sheet, row, column, endRow, endColumn } = parseA1(range);
            const rows = grid(sheet);
            const lastRowIndex = Math.min(endRow, gridRows(sheet) - 1);
            const lastColumnIndex = Math.min(endColumn, gridColumns(sheet) - 1);
            const values = trimmed(rows.slice(row, lastRowIndex + 1).map((r) => r.slice(column, lastColumnIndex + 1)));
            const out: Record<string, unknown> = { range: `'${sheet.replace(/'/g, "''")}'!${letters(column)}${row + 1}:${letters(lastColumnIndex)}${lastRowIndex + 1}`, majorDimension: 'ROWS' };
            if (values.length > 0) out['values'] = values;
            return out;
          }),
        };
      }
      case 'batchUpdate':
        return batchUpdate(body);
    }
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const query: Record<string, string[]> = {};
      url.searchParams.forEach((value, key) => (query[key] ??= []).push(value));
      const path = decodeURIComponent(url.pathname);
      const prefix = `/v4/spreadsheets/${spreadsheetId}`;
      let method: SheetsCall['method'] | undefined;
      if (req.method === 'GET' && path === prefix) method = 'get';
      else if (req.method === 'GET' && path === `${prefix}/values:batchGet`) method = 'batchGet';
      else if (req.method === 'POST' && path === `${prefix}:batchUpdate`) method = 'batchUpdate';
      const body = await bodyOf(req);
      if (!method) {
        calls.push({ method: 'get', path, query, body, status: 404 });
        return send(res, 404, googleError(404, 'Requested entity was not found.', 'NOT_FOUND'));
      }
      const delay = delayed.get(method);
      if (delay !== undefined) {
        delayed.delete(method);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
      const action = interleaved.get(method);
      if (action !== undefined) {
        interleaved.delete(method);
        action();
      }
      const failure = failing.get(method);
      if (failure !== undefined) {
        failing.delete(method);
        if (failure.afterApplying) handle(method, query, body);
        calls.push({ method, path, query, body, status: failure.status });
        const [message, reason] = failure.status >= 500 ? ['The service is currently unavailable.', 'UNAVAILABLE'] : ['The caller does not have permission', 'PERMISSION_DENIED'];
        return send(res, failure.status, googleError(failure.status, message, reason));
      }
      const remaining = limited.get(method);
      if (remaining !== undefined) {
        limited.delete(method);
        calls.push({ method, path, query, body, status: 429 });
        return send(res, 429, googleError(429, "Quota exceeded for quota metric 'Read requests'", 'RESOURCE_EXHAUSTED'), { 'retry-after': String(remaining) });
      }
      try {
        const answer = handle(method, query, body);
        calls.push({ method, path, query, body, status: 200, responseBytes: Buffer.byteLength(JSON.stringify(answer)) });
        send(res, 200, answer);
      } catch (error) {
        const status = (error as { status?: number }).status ?? 500;
        calls.push({ method, path, query, body, status });
        send(res, status, googleError(status, (error as Error).message, 'INVALID_ARGUMENT'));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    spreadsheetId,
    sheets,
    calls,
    sheetId: (sheet) => {
      grid(sheet);
      return sheetIds.get(sheet)!;
    },
    numberFormat: (sheet, row, column) => {
      grid(sheet);
      return formats.get(sheet)!.get(cellKey(row, column));
    },
    recreateSheet: (sheet) => {
      const rows = grid(sheet);
      sheets.delete(sheet);
      sheetIds.delete(sheet);
      sheets.set(sheet, rows);
      sheetIds.set(sheet, newSheetId());
      formats.set(sheet, new Map());
    },
    rateLimitNext: (method, retryAfterSeconds = 0) => void limited.set(method, retryAfterSeconds),
    failNext: (method, status, failOptions = {}) => void failing.set(method, { status, afterApplying: failOptions.afterApplying ?? false }),
    beforeNext: (method, action) => void interleaved.set(method, action),
    delayNext: (method, ms) => void delayed.set(method, ms),
    rows: (sheet) => grid(sheet),
    appendRow: (sheet, row) => {
      const rows = grid(sheet);
      const at = lastRow(rows);
      row.forEach((value, c) => setCell(rows, at, c, value));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
