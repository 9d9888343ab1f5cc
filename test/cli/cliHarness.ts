import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../cli/run';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'facturas.js');
/** 12:00 in Santiago on 15-10-2026: the CLI's today in every in-process test. */
export const NOW = new Date('2026-10-15T15:00:00.000Z');
export const TODAY = '2026-10-15';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `facturas ARGS` in-process, as the bin would, with a fixed clock and a clean environment. */
export async function runCli(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    cwd,
    env: { FACTURAS_TIMEZONE: 'America/Santiago', USER: 'tester', ...env },
    stdout: { write: (chunk) => (stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    now: () => NOW,
  });
  return { code, stdout, stderr };
}

export const makeFolder = (): Promise<string> => fs.mkdtemp(path.join(os.tmpdir(), 'facturas-cli-'));
export const removeFolder = (folder: string): Promise<void> => fs.rm(folder, { recursive: true, force: true });

export const fileHash = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Data rows of a sheet as arrays (1-based columns dropped to 0-based), header excluded; an empty cell reads as ''. */
export function sheetRows(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name)!;
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(Array.from((row.values as unknown[]).slice(1), (value) => value ?? ''));
  });
  return rows;
}

const newestSource = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(latest, newestSource(full));
    return /\.(ts|mjs)$/.test(entry.name) ? Math.max(latest, statSync(full).mtimeMs) : latest;
  }, 0);

/** The spawned tests run the real bin: build it when it is missing or older than its sources. */
export function ensureBuilt(): void {
  const bundle = path.join(ROOT, 'build', 'facturas.cjs');
  const sources = Math.max(newestSource(path.join(ROOT, 'cli')), newestSource(path.join(ROOT, 'core')), statSync(path.join(ROOT, 'scripts', 'build.mjs')).mtimeMs);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), 'cli'], { cwd: ROOT, stdio: 'pipe' });
}
