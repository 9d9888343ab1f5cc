import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a cell holds when read with UNFORMATTED_VALUE: dates are serial numbers. */
export type FakeCell = string | number | boolean | null;

export interface SheetsCall {
  readonly method: 'get' | 'batchGet' | 'append' | 'batchUpdate';
  readonly path: string;
  readonly query: Record<string, string[]>;
  readonly body: unknown;
  readonly status: number;
}

export interface FakeSheetsApi {
  /** Base URL to pass as the client's rootUrl. */
  readonly rootUrl: string;
  readonly spreadsheetId: string;
  readonly sheets: Map<string, FakeCell[][]>;
  readonly calls: SheetsCall[];
  /** The next request of this kind answers 429 with Retry-After. */
  rateLimitNext(method: SheetsCall['method'], retryAfterSeconds?: number): void;
  /** The next request of this kind fails with this status (e.g. 403: the sheet is no longer shared). */
  failNext(method: SheetsCall['method'], status: number): void;
  /** Rows of a sheet as stored, header included. */
  rows(sheet: string): FakeCell[][];
  appendRow(sheet: string, row: FakeCell[]): void;
  close(): Promise<void>;
}

/** `'Pagos'!B5:C6`, `Pagos!A1`, `'Pagos'`: sheet name and the 0-based top-left cell. */
export function parseA1(range: string): { sheet: string; row: number; column: number } {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))(?:!([A-Z]+)?(\d+)?(?::[A-Z]*\d*)?)?$/.exec(range);
  if (!match) throw new Error(`Unable to parse range: ${range}`);
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
  const letters = match[3] ?? 'A';
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: match[4] ? Number(match[4]) - 1 : 0, column: column - 1 };
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

/**
 * A small, faithful stand-in for the Sheets v4 REST API: spreadsheets.get and values
 * batchGet / append / batchUpdate over an in-memory workbook, with Google's error shape.
 */
export async function startFakeSheetsApi(initial: Record<string, FakeCell[][]>, options: { timeZone?: string; spreadsheetId?: string } = {}): Promise<FakeSheetsApi> {
  const spreadsheetId = options.spreadsheetId ?? 'sheet-test-1';
  const timeZone = options.timeZone ?? 'America/Santiago';
  const sheets = new Map<string, FakeCell[][]>(Object.entries(initial).map(([name, rows]) => [name, rows.map((r) => [...r])]));
  const calls: SheetsCall[] = [];
  const limited = new Map<SheetsCall['method'], number>();
  const failing = new Map<SheetsCall['method'], number>();

  const grid = (name: string): FakeCell[][] => {
    const rows = sheets.get(name);
    if (!rows) throw Object.assign(new Error(`Unable to parse range: ${name}`), { status: 400 });
    return rows;
  };

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

  function handle(method: SheetsCall['method'], query: Record<string, string[]>, body: unknown, rangeInPath: string | undefined): unknown {
    switch (method) {
      case 'get':
        return {
          spreadsheetId,
          properties: { title: 'Facturas test', timeZone, locale: 'es_CL' },
          sheets: [...sheets.keys()].map((title, index) => ({ properties: { sheetId: index + 1, title, index, sheetType: 'GRID' } })),
        };
      case 'batchGet': {
        if (query['valueRenderOption']?.[0] !== 'UNFORMATTED_VALUE') throw Object.assign(new Error('fake expects UNFORMATTED_VALUE'), { status: 400 });
        const ranges = query['ranges'] ?? [];
        return {
          spreadsheetId,
          valueRanges: ranges.map((range) => {
            const { sheet } = parseA1(range);
            const values = trimmed(grid(sheet));
            const width = Math.max(1, ...values.map((r) => r.length));
            const out: Record<string, unknown> = { range: `${/^'/.test(range) ? range.split('!')[0] : `'${sheet}'`}!A1:${letters(width - 1)}${Math.max(1, values.length)}`, majorDimension: 'ROWS' };
            if (values.length > 0) out['values'] = values;
            return out;
          }),
        };
      }
      case 'append': {
        if (query['valueInputOption']?.[0] !== 'RAW') throw Object.assign(new Error('fake expects valueInputOption RAW'), { status: 400 });
        const { sheet, column } = parseA1(rangeInPath ?? '');
        const rows = grid(sheet);
        const values = ((body as { values?: FakeCell[][] })?.values ?? []) as FakeCell[][];
        const start = lastRow(rows);
        values.forEach((row, r) => row.forEach((value, c) => setCell(rows, start + r, column + c, value)));
        const width = Math.max(0, ...values.map((r) => r.length));
        const updatedRange = `'${sheet}'!${letters(column)}${start + 1}:${letters(column + width - 1)}${start + values.length}`;
        return {
          spreadsheetId,
          tableRange: `'${sheet}'!A1:${letters(Math.max(0, width - 1))}${start}`,
          updates: { spreadsheetId, updatedRange, updatedRows: values.length, updatedColumns: width, updatedCells: values.length * width },
        };
      }
      case 'batchUpdate': {
        const request = body as { valueInputOption?: string; data?: { range: string; values: FakeCell[][] }[] };
        if (request.valueInputOption !== 'RAW') throw Object.assign(new Error('fake expects valueInputOption RAW'), { status: 400 });
        let cells = 0;
        const responses = (request.data ?? []).map((entry) => {
          const { sheet, row, column } = parseA1(entry.range);
          const rows = grid(sheet);
          entry.values.forEach((values, r) => values.forEach((value, c) => {
            setCell(rows, row + r, column + c, value);
            cells++;
          }));
          return { spreadsheetId, updatedRange: entry.range, updatedRows: entry.values.length, updatedCells: cells };
        });
        return { spreadsheetId, totalUpdatedCells: cells, totalUpdatedSheets: new Set(responses.map((r) => parseA1(r.updatedRange).sheet)).size, responses };
      }
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
      let rangeInPath: string | undefined;
      if (req.method === 'GET' && path === prefix) method = 'get';
      else if (req.method === 'GET' && path === `${prefix}/values:batchGet`) method = 'batchGet';
      else if (req.method === 'POST' && path === `${prefix}/values:batchUpdate`) method = 'batchUpdate';
      else if (req.method === 'POST' && path.startsWith(`${prefix}/values/`) && path.endsWith(':append')) {
        method = 'append';
        rangeInPath = path.slice(`${prefix}/values/`.length, -':append'.length);
      }
      const body = await bodyOf(req);
      if (!method) {
        calls.push({ method: 'get', path, query, body, status: 404 });
        return send(res, 404, googleError(404, 'Requested entity was not found.', 'NOT_FOUND'));
      }
      const failure = failing.get(method);
      if (failure !== undefined) {
        failing.delete(method);
        calls.push({ method, path, query, body, status: failure });
        return send(res, failure, googleError(failure, 'The caller does not have permission', 'PERMISSION_DENIED'));
      }
      const remaining = limited.get(method);
      if (remaining !== undefined) {
        limited.delete(method);
        calls.push({ method, path, query, body, status: 429 });
        return send(res, 429, googleError(429, "Quota exceeded for quota metric 'Read requests'", 'RESOURCE_EXHAUSTED'), { 'retry-after': String(remaining) });
      }
      try {
        const answer = handle(method, query, body, rangeInPath);
        calls.push({ method, path, query, body, status: 200 });
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
    rateLimitNext: (method, retryAfterSeconds = 0) => void limited.set(method, retryAfterSeconds),
    failNext: (method, status) => void failing.set(method, status),
    rows: (sheet) => grid(sheet),
    appendRow: (sheet, row) => {
      const rows = grid(sheet);
      const at = lastRow(rows);
      row.forEach((value, c) => setCell(rows, at, c, value));
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
