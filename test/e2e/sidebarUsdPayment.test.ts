import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, chromium } from 'playwright-core';
import { buildLedger, CHILE, documentKey } from '../../core';
import { createWorkbook } from '../../core/node/xlsxCreate';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { startServe } from './serveProcess';
import { CHROMIUM_ARGS, SIDEBAR_WIDTH } from './sidebarPage';

const TODAY = '2026-10-15';
const KEY = '33-501';

/**
 * One dollar invoice of US$12,50 (1250 cents) and nothing else: the form must suggest its balance
 * in major units. A face that wrote the minor units (`String(balance)`) would offer `1250`, which
 * reads back as US$1.250 and is refused as more than the balance.
 */
async function writeUsdWorkbook(file: string): Promise<void> {
  await createWorkbook(file, { today: TODAY });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  workbook.getWorksheet('Clientes')!.addRow(['76.086.428-5', 'Acme Ltda', 'Empresa', 'Comercio', 'RM', 'Santiago', 'pagos@acme.cl', '', '']);
  workbook
    .getWorksheet('Facturas')!
    .addRow([33, 501, new Date(Date.UTC(2026, 9, 1)), new Date(Date.UTC(2026, 9, 31)), '76.086.428-5', 'Acme Ltda', '', 'Directa', '', 10.5, 0, 2, 12.5, 'USD', 'Emitida', '', '']);
  await workbook.xlsx.writeFile(file);
}

describe('the sidebar pays a dollar invoice in dollars', () => {
  let dir: string;
  let workbookPath: string;
  let serve: ChildProcess | undefined;
  let browser: Browser | undefined;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'facturas-e2e-usd-'));
    workbookPath = path.join(dir, 'facturas.xlsx');
    await writeUsdWorkbook(workbookPath);
    ({ child: serve, url } = await startServe(workbookPath, TODAY));
  });

  afterAll(async () => {
    await browser?.close();
    if (serve && serve.exitCode === null) {
      const exited = new Promise((resolve) => serve!.once('exit', resolve));
      serve.kill('SIGTERM');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('suggests 12,50 for a balance of 1250 cents and records 1250 cents', async () => {
    const before = await openXlsxStore(workbookPath).read();
    expect(before.issues).toEqual([]);
    const invoice = buildLedger(before.book, TODAY, CHILE).views.find((v) => documentKey(v) === KEY);
    expect(invoice).toMatchObject({ currency: 'USD', balance: 1250 });

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: SIDEBAR_WIDTH, height: 900 }, locale: 'es-CL' });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator(`[data-testid=doc-row][data-key="${KEY}"]`).click();
    await expect(page.getByTestId('detail').getAttribute('data-key')).resolves.toBe(KEY);
    await page.getByTestId('payment-form').waitFor();

    await expect(page.getByTestId('pay-amount').inputValue()).resolves.toBe('12,50');

    await page.getByTestId('pay-method').fill('Transferencia');
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('notice-ok').waitFor();
    await expect(page.getByTestId('detail').getByTestId('status-chip').first().getAttribute('data-status')).resolves.toBe('pagada');

    const after = await openXlsxStore(workbookPath).read();
    expect(after.book.payments.filter((p) => documentKey(p) === KEY)).toEqual([expect.objectContaining({ amount: 1250, date: TODAY, method: 'Transferencia' })]);
  });
});
