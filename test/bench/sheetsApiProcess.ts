import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { WorkbookTables } from '../../core';
import { startFakeSheetsApi, type FakeCell } from '../fakes/sheetsApi';
import { benchWorkbook } from './benchWorkbook';

export const SHEETS_API_PROCESS = '--fake-sheets-api';

/** What the bench needs from the fake Sheets API running in its own process. */
export interface SheetsApiProcess {
  readonly rootUrl: string;
  readonly spreadsheetId: string;
  readonly probeTaxId: string;
  /** How many values.batchGet requests it has answered. */
  batchGets(): Promise<number>;
  close(): Promise<void>;
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The workbook as the Sheets API returns it with UNFORMATTED_VALUE and SERIAL_NUMBER dates. */
const asSheetsApi = (tables: WorkbookTables): Record<string, FakeCell[][]> =>
  Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [name, rows.map((r) => r.map((cell): FakeCell => (cell instanceof Date ? (cell.getTime() - SERIAL_EPOCH_MS) / 86_400_000 : (cell ?? null))))]),
  );

/**
 * Starts the fake Sheets API over a bench workbook in a child process (the same bundle), as Google
 * is a remote service: building the workbook and serialising 100k rows then costs the bot's process
 * neither CPU nor memory.
 */
export function startSheetsApiProcess(documents: number): Promise<SheetsApiProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1]!, SHEETS_API_PROCESS, String(documents)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    const waiting: ((line: string) => void)[] = [];
    let ready = false;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!ready) reject(new Error(`the fake Sheets API process exited with ${code}`));
    });
    lines.on('line', (line) => {
      if (!ready) {
        ready = true;
        const started = JSON.parse(line) as { rootUrl: string; spreadsheetId: string; probeTaxId: string };
        resolve({
          ...started,
          batchGets: () =>
            new Promise<number>((answer) => {
              waiting.push((reply) => answer(Number(reply)));
              child.stdin.write('batchGets\n');
            }),
          close: async () => {
            child.stdin.end();
            await exited;
          },
        });
        return;
      }
      waiting.shift()?.(line);
    });
  });
}

/** The child's side: serves until its stdin closes; answers `batchGets` with the count. */
export async function sheetsApiProcess(documents: number): Promise<void> {
  const workbook = benchWorkbook(documents);
  const sheets = await startFakeSheetsApi(asSheetsApi(workbook.tables), { timeZone: 'UTC' });
  process.stdout.write(`${JSON.stringify({ rootUrl: sheets.rootUrl, spreadsheetId: sheets.spreadsheetId, probeTaxId: workbook.probeTaxId })}\n`);
  const input = createInterface({ input: process.stdin });
  for await (const line of input) {
    if (line === 'batchGets') process.stdout.write(`${sheets.calls.filter((c) => c.method === 'batchGet').length}\n`);
  }
  await sheets.close();
}
