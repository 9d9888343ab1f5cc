import { sheets as sheetsClient, type sheets_v4 } from '@googleapis/sheets';
import { CHILE, TABS, findTabName, mapColumns, readWorkbook, isDateValue, isInstantValue, ok } from '../index';
import type { CellValue, ChangePlan, Result, TabId, TaxProfile, WorkbookRead, WorkbookTables, Cell } from '../index';
import { type Decision, type WorkbookStore, WriteConflictError } from './store';
import { createKeyedMutex } from './keyedMutex';
import { writeConflicts } from './writeConflicts';

/** What `auth` may be: anything googleapis accepts (GoogleAuth, an OAuth2 client, an API key). */
type SheetsAuth = NonNullable<sheets_v4.Options['auth']>;

export interface SheetsStoreOptions {
  readonly spreadsheetId: string;
  /** Service account or other client; omitted only against a local fake. */
  readonly auth?: SheetsAuth;
  /** Base URL of the API, for tests (`http://127.0.0.1:PORT/`). */
  readonly rootUrl?: string;
  readonly now?: () => Date;
  readonly profile?: TaxProfile;
  /** Zone of the sheet's date cells; default: the spreadsheet's own setting. */
  readonly timeZone?: string;
  /** How long a read may be served from memory, in milliseconds. */
  readonly snapshotMillis?: number;
  /** Attempts for one request when Google answers 429 or 5xx. */
  readonly maxAttempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * What one values.batchGet should answer at most, in bytes (default 1 MB): Google advises
   * about 2 MB a request, so large tabs are read in ranges of rows sized from what earlier
   * ranges of the same tab weighed.
   */
  readonly readBytesPerRequest?: number;
  /** Told when a write went through but could not be checked afterwards. */
  readonly warn?: (line: string) => void;
}

interface SheetsMetadata {
  /** Tab title to sheetId, in the spreadsheet's order. */
  readonly sheetIds: ReadonlyMap<string, number>;
  /** Tab title to the rows its grid has (data or not): where reading a tab stops. */
  readonly rowCounts: ReadonlyMap<string, number>;
  readonly timeZone: string;
}

interface Fetched extends SheetsMetadata {
  readonly tables: WorkbookTables;
  /** The tables as one string, made on first use: only writes compare reads (about 0.3 s at 100k rows). */
  readonly fingerprint: string;
}

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const TRANSACTION_ATTEMPTS = 3;
const DEFAULT_READ_BYTES = 1_000_000;
/** Rows of each tab asked for first, before anything is known of how much a row weighs: a new sheet's whole grid. */
const FIRST_RANGE_ROWS = 1_000;
/** What a row is guessed to weigh before one is seen; a Facturas row is about 250 bytes of JSON. */
const GUESSED_ROW_BYTES = 200;
/** Ranges read at once; Sheets allows 300 read requests a minute per project. */
const READ_CONCURRENCY = 3;
/**
 * Writers to one spreadsheet from this process, one at a time: every store opened on the same
 * sheet id shares it, so two Slack forms submitted together decide one after the other, each
 * over a read that includes the other's write.
 */
const writers = createKeyedMutex();
const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes of JSON a row of these costs, from an even sample of at most 200 of them (stringifying all is slow at 100k rows). */
function rowWeight(values: readonly Cell[][]): number {
  if (values.length === 0) return 0;
  const step = Math.max(1, Math.floor(values.length / 200));
  let bytes = 0;
  let sampled = 0;
  for (let i = 0; i < values.length; i += step, sampled++) bytes += Buffer.byteLength(JSON.stringify(values[i]));
  // A quarter more than the sample: rows vary, and the budget is meant to be kept, not met.
  return Math.ceil((bytes / sampled) * 1.25);
}

/** `'Pagos'` with quotes doubled, as A1 notation wants sheet names. */
export const quoteSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Milliseconds of the wall clock an instant shows in a zone, counted as if it were UTC. */
function wallClockMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'), instant.getUTCMilliseconds());
}

/** A Sheets date-time serial is a wall-clock time in the spreadsheet's zone. */
export function instantToSerial(instant: Date, timeZone: string): number {
  return (wallClockMs(instant, timeZone) - SERIAL_EPOCH_MS) / DAY_MS;
}

export function serialToInstant(serial: number, timeZone: string): Date {
  const wall = SERIAL_EPOCH_MS + Math.round(serial * DAY_MS);
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - (wallClockMs(new Date(guess), timeZone) - guess);
  return new Date(guess);
}

export const dateToSerial = (isoDate: string): number => Math.round((Date.parse(`${isoDate}T00:00:00Z`) - SERIAL_EPOCH_MS) / DAY_MS);

export const DATE_FORMAT: sheets_v4.Schema$NumberFormat = { type: 'DATE', pattern: 'dd-mm-yyyy' };
export const INSTANT_FORMAT: sheets_v4.Schema$NumberFormat = { type: 'DATE_TIME', pattern: 'dd-mm-yyyy hh:mm:ss' };

/**
 * A value as Sheets' CellData. Text goes as stringValue, which Sheets stores as typed and never
 * parses (no formula, number or date guessing), so no apostrophe is needed; dates and instants go
 * as serial numbers with a date format, the way the read side (SERIAL_NUMBER) gets them back.
 */
export function cellData(value: CellValue, timeZone: string): sheets_v4.Schema$CellData {
  if (value === null || value === '') return {};
  if (isDateValue(value)) return { userEnteredValue: { numberValue: dateToSerial(value.date) }, userEnteredFormat: { numberFormat: DATE_FORMAT } };
  if (isInstantValue(value)) return { userEnteredValue: { numberValue: instantToSerial(new Date(value.instant), timeZone) }, userEnteredFormat: { numberFormat: INSTANT_FORMAT } };
  if (typeof value === 'string') return { userEnteredValue: { stringValue: value } };
  if (typeof value === 'boolean') return { userEnteredValue: { boolValue: value } };
  if (!Number.isFinite(value)) throw new Error(`${value} cannot be written to a spreadsheet cell`);
  return { userEnteredValue: { numberValue: value } };
}

/**
 * The field mask of one request. Every field it names is replaced in every cell it covers, and
 * cleared where a cell does not set it, so the number format is named only when a date is written:
 * otherwise the columns' own formats (amounts as $) stay as they are.
 */
const fieldsFor = (cells: readonly sheets_v4.Schema$CellData[]): string => (cells.some((cell) => cell.userEnteredFormat) ? 'userEnteredValue,userEnteredFormat.numberFormat' : 'userEnteredValue');

const statusOf = (error: unknown): number | undefined => {
  const e = error as { status?: unknown; code?: unknown; response?: { status?: unknown } };
  const status = e?.response?.status ?? e?.status ?? e?.code;
  return typeof status === 'number' ? status : undefined;
};

const retryAfterMs = (error: unknown): number | undefined => {
  const headers = (error as { response?: { headers?: unknown } })?.response?.headers;
  const raw = headers instanceof Headers ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  const seconds = raw === undefined || raw === null ? NaN : Number(raw);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
};

/**
 * The Google Sheet as a WorkbookStore. Reads take every tab in ranges of rows, as few
 * values.batchGet requests as keep each answer near readBytesPerRequest (Google advises about
 * 2 MB), kept in memory briefly and shared while in flight; tab titles, sheet ids and the time zone come from
 * one spreadsheets.get, kept until a request fails (a tab renamed or recreated). Sheets has no
 * lock that other clients honour (the add-on's LockService is per script), so a transaction is
 * optimistic: it reads fresh, decides, reads again just before writing and starts over if
 * anything changed. The whole plan is then one spreadsheets.batchUpdate, which Google applies
 * atomically: appendCells for new rows (Sheets places them after the last row with data, so
 * concurrent appends never collide) and updateCells for each changed cell. Either every row and
 * cell of the plan is written or none is: a payment never lacks its Historial line.
 */
export function openSheetsStore(options: SheetsStoreOptions): WorkbookStore {
  // Node's own fetch: gaxios would otherwise import node-fetch dynamically, which bundles and test VMs dislike.
  const api = sheetsClient({ version: 'v4', fetchImplementation: fetch, ...(options.auth ? { auth: options.auth } : {}), ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}) });
  const now = options.now ?? (() => new Date());
  const profile = options.profile ?? CHILE;
  const snapshotMillis = options.snapshotMillis ?? 5_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? realSleep;
  const spreadsheetId = options.spreadsheetId;

  let snapshot: { read: WorkbookRead; fetched: Fetched; at: number } | undefined;
  let inFlight: Promise<Fetched> | undefined;
  let metadata: Promise<SheetsMetadata> | undefined;
  let writesDone = 0;

  const backoffMs = (error: unknown, attempt: number): number => retryAfterMs(error) ?? Math.min(32_000, 500 * 2 ** (attempt - 1));

  async function withBackoff<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const status = statusOf(error);
        const retryable = status === 429 || (status !== undefined && status >= 500);
        if (!retryable || attempt >= maxAttempts) throw error;
        await sleep(backoffMs(error, attempt));
      }
    }
  }

  function sheetsMetadata(): Promise<SheetsMetadata> {
    if (!metadata) {
      const pending = withBackoff(() => api.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties(sheetId,title,gridProperties.rowCount),properties.timeZone' }, { retry: false })).then(
        (response): SheetsMetadata => {
          const sheetIds = new Map<string, number>();
          const rowCounts = new Map<string, number>();
          for (const sheet of response.data.sheets ?? []) {
            const title = sheet.properties?.title ?? '';
            if (title === '') continue;
            // JSON leaves out zero values, and the first tab's id is usually 0.
            sheetIds.set(title, sheet.properties?.sheetId ?? 0);
            rowCounts.set(title, sheet.properties?.gridProperties?.rowCount ?? 0);
          }
          return { sheetIds, rowCounts, timeZone: options.timeZone ?? response.data.properties?.timeZone ?? 'America/Santiago' };
        },
      );
      metadata = pending;
      pending.catch(() => {
        if (metadata === pending) metadata = undefined;
      });
    }
    return metadata;
  }

  async function fetchTables(): Promise<Fetched> {
    try {
      const { sheetIds, rowCounts, timeZone } = await sheetsMetadata();
      const tables = await readTabsInRanges(rowCounts);
      convertHistoryInstants(tables, timeZone);
      let fingerprint: string | undefined;
      return {
        tables,
        timeZone,
        sheetIds,
        rowCounts,
        get fingerprint() {
          fingerprint ??= JSON.stringify(tables);
          return fingerprint;
        },
      };
    } catch (error) {
      metadata = undefined;
      throw error;
    }
  }

  /**
   * Every tab, to the last row of its grid, in ranges of whole rows (`'Facturas'!1001:5000`).
   * The first round asks the first rows of every tab, as few requests as fit the budget at a
   * guessed row weight; later rounds size each tab's next range from the heaviest row seen in
   * it so far. Rows land at their own index, so blank rows at a range's edge stay blank rows.
   */
  async function readTabsInRanges(rowCounts: ReadonlyMap<string, number>): Promise<Record<string, Cell[][]>> {
    const budget = options.readBytesPerRequest ?? DEFAULT_READ_BYTES;
    const tabs = [...rowCounts].map(([title, rowCount]) => ({ title, rowCount, next: 0, rowBytes: 0, rows: [] as Cell[][] }));
    type Tab = (typeof tabs)[number];
    type Range = { tab: Tab; from: number; to: number; bytes: number };
    for (let round = 0; ; round++) {
      const ranges: Range[] = tabs
        .filter((tab) => tab.next < tab.rowCount)
        .map((tab) => {
          const rows = round === 0 ? FIRST_RANGE_ROWS : Math.max(1, Math.floor(budget / (tab.rowBytes || GUESSED_ROW_BYTES)));
          const to = Math.min(tab.rowCount, tab.next + rows);
          return { tab, from: tab.next, to, bytes: (to - tab.next) * (tab.rowBytes || GUESSED_ROW_BYTES) };
        });
      if (ranges.length === 0) break;
      const requests: Range[][] = [];
      for (const range of ranges) {
        const last = requests[requests.length - 1];
        if (last && last.reduce((sum, r) => sum + r.bytes, 0) + range.bytes <= budget) last.push(range);
        else requests.push([range]);
      }
      const read = async (request: Range[]): Promise<void> => {
        const response = await withBackoff(() =>
          api.spreadsheets.values.batchGet(
            {
              spreadsheetId,
              ranges: request.map((r) => `${quoteSheetName(r.tab.title)}!${r.from + 1}:${r.to}`),
              valueRenderOption: 'UNFORMATTED_VALUE',
              dateTimeRenderOption: 'SERIAL_NUMBER',
              majorDimension: 'ROWS',
            },
            { retry: false },
          ),
        );
        const valueRanges = response.data.valueRanges ?? [];
        request.forEach((range, index) => {
          const values = (valueRanges[index]?.values ?? []) as Cell[][];
          values.forEach((row, i) => {
            range.tab.rows[range.from + i] = row;
          });
          range.tab.rowBytes = Math.max(range.tab.rowBytes, rowWeight(values));
          range.tab.next = range.to;
        });
      };
      for (let at = 0; at < requests.length; at += READ_CONCURRENCY) await Promise.all(requests.slice(at, at + READ_CONCURRENCY).map(read));
    }
    const tables: Record<string, Cell[][]> = {};
    for (const tab of tabs) tables[tab.title] = Array.from(tab.rows, (row) => row ?? []);
    return tables;
  }

  /** Historial's "Fecha y hora" arrives as a serial with a fraction; core wants an instant. */
  function convertHistoryInstants(tables: Record<string, Cell[][]>, timeZone: string): void {
    const name = findTabName(TABS.historial, Object.keys(tables));
    const values = name === undefined ? undefined : tables[name];
    if (!values || values.length === 0) return;
    const column = mapColumns(TABS.historial, values[0] ?? [])['timestamp'];
    if (column === undefined) return;
    for (let r = 1; r < values.length; r++) {
      const cell = values[r]?.[column];
      if (typeof cell === 'number' && Number.isFinite(cell)) values[r]![column] = serialToInstant(cell, timeZone);
    }
  }

  function fetchShared(): Promise<Fetched> {
    if (!inFlight) {
      inFlight = fetchTables().finally(() => {
        inFlight = undefined;
      });
    }
    return inFlight;
  }

  const interpret = (fetched: Fetched): WorkbookRead => readWorkbook(fetched.tables, { profile, timeZone: fetched.timeZone });

  async function freshRead(): Promise<{ read: WorkbookRead; fetched: Fetched }> {
    const writesBefore = writesDone;
    const fetched = await fetchShared();
    const read = interpret(fetched);
    // A read that was under way while a write landed may predate it: answer with it, never keep it.
    if (writesDone === writesBefore) snapshot = { read, fetched, at: now().getTime() };
    return { read, fetched };
  }

  /** The plan as batchUpdate requests, built before anything is sent so a bad value writes nothing. */
  function changeRequests(plan: ChangePlan, read: WorkbookRead, fetched: Fetched): sheets_v4.Schema$Request[] {
    const sheetIdOf = (tab: TabId): number => {
      const layout = read.layout[tab];
      const sheetId = layout ? fetched.sheetIds.get(layout.sheetName) : undefined;
      if (sheetId === undefined) throw new Error(`Tab ${TABS[tab].name} is missing in Google Sheet ${spreadsheetId}; nothing was written`);
      return sheetId;
    };
    const appends = plan.appends.map((append): sheets_v4.Schema$Request => {
      const values = append.values.map((value) => cellData(value, fetched.timeZone));
      return { appendCells: { sheetId: sheetIdOf(append.tab), rows: [{ values }], fields: fieldsFor(values) } };
    });
    const updates = plan.updates.map((update): sheets_v4.Schema$Request => {
      const values = [cellData(update.value, fetched.timeZone)];
      return { updateCells: { start: { sheetId: sheetIdOf(update.tab), rowIndex: update.row - 1, columnIndex: update.column }, rows: [{ values }], fields: fieldsFor(values) } };
    });
    return [...appends, ...updates];
  }

  const reason = (error: unknown): string => {
    const status = statusOf(error);
    return `${status === undefined ? '' : `${status} `}${(error as Error)?.message ?? String(error)}`;
  };

  /**
   * One batchUpdate. A 4xx means Google refused the whole batch, and a 429 that it did not look at
   * it; a 5xx or a lost connection may come after the batch was applied, so the sheet is read again
   * and the write retried only if it is exactly as checked, never applied twice.
   */
  async function write(requests: sheets_v4.Schema$Request[], checked: Fetched): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      try {
        await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }, { retry: false });
        return;
      } catch (error) {
        failure = error;
      }
      metadata = undefined;
      const status = statusOf(failure);
      const refused = status !== undefined && status < 500;
      if (!refused) {
        let unchanged: boolean;
        try {
          unchanged = (await fetchTables()).fingerprint === checked.fingerprint;
        } catch {
          unchanged = false;
        }
        if (!unchanged) {
          throw new Error(`Writing to Google Sheet ${spreadsheetId} failed (${reason(failure)}) and whether it was applied cannot be told; check the sheet before trying again`);
        }
      }
      const retryable = status === 429 || (status !== undefined && status >= 500);
      if (!retryable || attempt >= maxAttempts) throw new Error(`Writing to Google Sheet ${spreadsheetId} failed (${reason(failure)}); nothing was written`);
      await sleep(backoffMs(failure, attempt));
    }
  }

  /**
   * Other clients (the add-on, a person) can still write between our check and our batch, so the
   * sheet is read once more: a Historial id now used twice or a balance now below zero is a
   * conflict, thrown for the caller to report. The read becomes the snapshot when it is clean.
   */
  async function verifyWrite(before: WorkbookRead): Promise<void> {
    let fetched: Fetched;
    try {
      fetched = await fetchTables();
    } catch (error) {
      options.warn?.(`Google Sheet ${spreadsheetId}: the write went through but could not be read back to check it (${reason(error)})`);
      return;
    }
    const after = interpret(fetched);
    const conflict = writeConflicts(before, after, profile);
    if (conflict) throw new WriteConflictError(`Google Sheet ${spreadsheetId}`, conflict.duplicateHistoryIds, conflict.negativeBalances);
    snapshot = { read: after, fetched, at: now().getTime() };
  }

  return {
    description: `Google Sheet ${spreadsheetId}`,

    async read(): Promise<WorkbookRead> {
      if (snapshot && now().getTime() - snapshot.at < snapshotMillis) return snapshot.read;
      return (await freshRead()).read;
    },

    transact<T>(decide: (read: WorkbookRead) => Decision<T>): Promise<Result<T>> {
      return writers.run(spreadsheetId, async () => {
        snapshot = undefined;
        // Not fetchShared: a read already in flight may have started before the last writer's batch.
        const first = await fetchTables();
        let current = { read: interpret(first), fetched: first };
        for (let attempt = 1; ; attempt++) {
          const decision = decide(current.read);
          if (!decision.ok) return decision;
          const check = await fetchTables();
          if (check.fingerprint !== current.fetched.fingerprint) {
            if (attempt >= TRANSACTION_ATTEMPTS) throw new Error(`Spreadsheet ${spreadsheetId} keeps changing; nothing was written, try again`);
            current = { read: interpret(check), fetched: check };
            continue;
          }
          const requests = changeRequests(decision.value.plan, current.read, check);
          if (requests.length === 0) return ok(decision.value.outcome);
          try {
            await write(requests, check);
          } finally {
            snapshot = undefined;
            writesDone++;
          }
          await verifyWrite(current.read);
          return ok(decision.value.outcome);
        }
      });
    },
  };
}
