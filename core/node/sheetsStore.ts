import { sheets as sheetsClient, type sheets_v4 } from '@googleapis/sheets';
import { CHILE, TABS, findTabName, mapColumns, readWorkbook, isDateValue, isInstantValue, ok } from '../index';
import type { CellValue, ChangePlan, Result, TaxProfile, WorkbookRead, WorkbookTables, Cell } from '../index';
import type { Decision, WorkbookStore } from './store';

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
}

interface Fetched {
  readonly tables: WorkbookTables;
  readonly timeZone: string;
  readonly fingerprint: string;
}

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const TRANSACTION_ATTEMPTS = 3;
const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `'Pagos'` with quotes doubled, as A1 notation wants sheet names. */
export const quoteSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Milliseconds of the wall clock an instant shows in a zone, counted as if it were UTC. */
function wallClockMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
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

/** RAW values: Sheets stores them as given, so text is never run as a formula; dates go as serials. */
function sheetsValue(value: CellValue, timeZone: string): string | number | boolean {
  if (value === null) return '';
  if (isDateValue(value)) return dateToSerial(value.date);
  if (isInstantValue(value)) return instantToSerial(new Date(value.instant), timeZone);
  return value;
}

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
 * The Google Sheet as a WorkbookStore. Reads are one values.batchGet of every tab, kept in
 * memory briefly and shared while in flight. Sheets has no lock that other clients honour
 * (the add-on's LockService is per script), so a transaction is optimistic: it reads fresh,
 * decides, reads again just before writing and starts over if anything changed. Appends go
 * through values.append (Sheets places the row itself, so concurrent appends never collide)
 * and cell changes through one values.batchUpdate; the remaining window between the second
 * read and the write is a few hundred milliseconds instead of the whole decision.
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

  async function withBackoff<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const status = statusOf(error);
        const retryable = status === 429 || (status !== undefined && status >= 500);
        if (!retryable || attempt >= maxAttempts) throw error;
        await sleep(retryAfterMs(error) ?? Math.min(32_000, 500 * 2 ** (attempt - 1)));
      }
    }
  }

  async function fetchTables(): Promise<Fetched> {
    const meta = await withBackoff(() =>
      api.spreadsheets.get({ spreadsheetId, fields: 'properties.timeZone,sheets.properties.title' }, { retry: false }),
    );
    const titles = (meta.data.sheets ?? []).map((s) => s.properties?.title ?? '').filter((t) => t !== '');
    const timeZone = options.timeZone ?? meta.data.properties?.timeZone ?? 'America/Santiago';
    const tables: Record<string, Cell[][]> = {};
    if (titles.length > 0) {
      const response = await withBackoff(() =>
        api.spreadsheets.values.batchGet(
          { spreadsheetId, ranges: titles.map(quoteSheetName), valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER', majorDimension: 'ROWS' },
          { retry: false },
        ),
      );
      (response.data.valueRanges ?? []).forEach((range, index) => {
        tables[titles[index]!] = (range.values ?? []) as Cell[][];
      });
    }
    convertHistoryInstants(tables, timeZone);
    return { tables, timeZone, fingerprint: JSON.stringify(tables) };
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
    const fetched = await fetchShared();
    const read = interpret(fetched);
    snapshot = { read, fetched, at: now().getTime() };
    return { read, fetched };
  }

  async function apply(plan: ChangePlan, read: WorkbookRead, timeZone: string): Promise<void> {
    const byTab = new Map<string, (string | number | boolean)[][]>();
    for (const append of plan.appends) {
      const layout = read.layout[append.tab];
      if (!layout) throw new Error(`Tab ${TABS[append.tab].name} is missing in spreadsheet ${spreadsheetId}`);
      const rows = byTab.get(layout.sheetName) ?? [];
      rows.push(append.values.map((v) => sheetsValue(v, timeZone)));
      byTab.set(layout.sheetName, rows);
    }
    for (const [sheetName, values] of byTab) {
      await withBackoff(() =>
        api.spreadsheets.values.append(
          { spreadsheetId, range: quoteSheetName(sheetName), valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS', requestBody: { majorDimension: 'ROWS', values } },
          { retry: false },
        ),
      );
    }
    const data = plan.updates.map((update) => {
      const layout = read.layout[update.tab];
      if (!layout) throw new Error(`Tab ${TABS[update.tab].name} is missing in spreadsheet ${spreadsheetId}`);
      return { range: `${quoteSheetName(layout.sheetName)}!${columnLetters(update.column)}${update.row}`, majorDimension: 'ROWS', values: [[sheetsValue(update.value, timeZone)]] };
    });
    if (data.length > 0) {
      await withBackoff(() => api.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: 'RAW', data } }, { retry: false }));
    }
  }

  return {
    description: `Google Sheet ${spreadsheetId}`,

    async read(): Promise<WorkbookRead> {
      if (snapshot && now().getTime() - snapshot.at < snapshotMillis) return snapshot.read;
      return (await freshRead()).read;
    },

    async transact<T>(decide: (read: WorkbookRead) => Decision<T>): Promise<Result<T>> {
      snapshot = undefined;
      let current = await freshRead();
      for (let attempt = 1; ; attempt++) {
        const decision = decide(current.read);
        if (!decision.ok) return decision;
        const check = await fetchTables();
        if (check.fingerprint !== current.fetched.fingerprint) {
          if (attempt >= TRANSACTION_ATTEMPTS) throw new Error(`Spreadsheet ${spreadsheetId} keeps changing; nothing was written, try again`);
          current = { read: interpret(check), fetched: check };
          continue;
        }
        try {
          await apply(decision.value.plan, current.read, current.fetched.timeZone);
        } finally {
          snapshot = undefined;
        }
        return ok(decision.value.outcome);
      }
    },
  };
}
