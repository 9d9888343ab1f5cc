import { spawn } from 'node:child_process';
import path from 'node:path';
import { CHILE, buildLedger } from '../../core';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { BIN, TODAY, ensureBuilt, loadWorkbook, makeFolder, removeFolder, runCli, sheetRows } from './cliHarness';

let folder: string;

beforeAll(() => ensureBuilt());
beforeEach(async () => {
  folder = await makeFolder();
});
afterEach(() => removeFolder(folder));

/** The built bin in its own process, as a user's shell would start it. */
function facturas(argv: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, FACTURAS_TIMEZONE: 'America/Santiago', FACTURAS_WORKBOOK: '', FACTURAS_LANG: 'es' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

it('keeps every payment when several facturas pay processes write the same workbook at once', async () => {
  expect((await runCli(['init', '--demo'], folder)).code).toBe(0);
  const workbook = path.join(folder, 'facturas.xlsx');
  const before = await openXlsxStore(workbook).read();
  const open = buildLedger(before.book, TODAY, CHILE).views.filter((v) => v.type === 33 && v.balance > 10_000 && v.paymentStatus !== 'anulada');
  const [first, second] = [open[0]!, open[1]!];

  const results = await Promise.all([
    facturas(['pay', `33-${first.number}`, '--amount', '1000', '--ref', 'P-1', '--user', 'uno', '--as-of', TODAY], folder),
    facturas(['pay', `33-${first.number}`, '--amount', '2000', '--ref', 'P-2', '--user', 'dos', '--as-of', TODAY], folder),
    facturas(['pay', `33-${second.number}`, '--amount', '3000', '--ref', 'P-3', '--user', 'tres', '--as-of', TODAY], folder),
  ]);
  for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' });

  const book = await loadWorkbook(workbook);
  const pagos = sheetRows(book, 'Pagos');
  expect(pagos).toHaveLength(before.book.payments.length + 3);
  expect(
    pagos
      .slice(-3)
      .map((row) => row.slice(1, 7))
      .sort((a, b) => String(a[4]).localeCompare(String(b[4]))),
  ).toEqual([
    [33, first.number, 1000, '', 'P-1', 'uno'],
    [33, first.number, 2000, '', 'P-2', 'dos'],
    [33, second.number, 3000, '', 'P-3', 'tres'],
  ]);
  const historial = sheetRows(book, 'Historial');
  expect(historial).toHaveLength(before.book.history.length + 3);
  const added = historial.slice(-3);
  expect(added.map((row) => row[7]).sort()).toEqual(['dos', 'tres', 'uno']);
  expect(new Set(added.map((row) => row[0])).size).toBe(3);

  const after = buildLedger((await openXlsxStore(workbook).read()).book, TODAY, CHILE);
  expect(after.byKey(33, first.number)!.balance).toBe(first.balance - 3000);
  expect(after.byKey(33, second.number)!.balance).toBe(second.balance - 3000);
});

it('runs the built bin, which prints its help', async () => {
  const result = await facturas(['--help'], folder);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('facturas <comando>');
});
