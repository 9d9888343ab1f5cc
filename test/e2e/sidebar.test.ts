import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { buildLedger, CHILE, documentKey } from '../../core';
import { openXlsxStore } from '../../core/node/xlsxStore';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const TODAY = '2026-10-15';
const BIN = path.join(ROOT, 'bin/facturas.js');

// The real command, with no Slack settings (so no bot) and the business date pinned.
const facturasEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, FACTURAS_TIMEZONE: 'America/Santiago', FACTURAS_USER: 'contadora@example.cl' };
  for (const name of Object.keys(env)) if (name.startsWith('SLACK_') || name === 'FACTURAS_WORKBOOK') delete env[name];
  return env;
};

function runFacturas(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: facturasEnv() });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`facturas ${args.join(' ')} exited ${code}: ${output}`))));
  });
}

/** Starts `facturas serve --port 0` and resolves with the URL it prints. */
function startServe(workbookPath: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--as-of', TODAY, '--workbook', workbookPath], { env: facturasEnv() });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/localhost:\d+\//.exec(output)?.[0];
      if (url) resolve({ child, url });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`facturas serve exited ${code}: ${output}`)));
  });
}

/** Waits until the page shows what `check` expects (the DOM updates after input events), then asserts it. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => void): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      check(await read());
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  check(await read());
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('the sidebar in Chromium against facturas serve', () => {
  let dir: string;
  let workbookPath: string;
  let serve: ChildProcess | undefined;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'facturas-e2e-'));
    workbookPath = path.join(dir, 'facturas.xlsx');
    await runFacturas(['init', '--demo', '--as-of', TODAY, '--workbook', workbookPath]);
    const started = await startServe(workbookPath);
    serve = started.child;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 300, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    await page.goto(started.url);
    await page.getByTestId('doc-row').first().waitFor();
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

  const statuses = () => page.getByTestId('doc-list').getByTestId('status-chip').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-status')));
  const keys = () => page.getByTestId('doc-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));

  test('filters by status, searches, sorts, pays an invoice, downloads its PDF and switches to English', async () => {
    const read = await openXlsxStore(workbookPath).read();
    const ledger = buildLedger(read.book, TODAY, CHILE);

    // Filter: only overdue documents, and the count says how many of all.
    await page.locator('details.filters > summary').click();
    await page.getByTestId('filter-status').selectOption('vencida');
    const overdue = ledger.views.filter((v) => v.paymentStatus === 'vencida');
    expect(overdue.length).toBeGreaterThan(0);
    await eventually(statuses, (value) => expect(value).toEqual(Array(Math.min(50, overdue.length)).fill('vencida')));
    await eventually(() => page.getByTestId('shown-count').textContent(), (value) => expect(value).toBe(`${overdue.length} de ${ledger.views.length} documentos`));
    await page.getByTestId('filter-status').selectOption('');

    // Search with the query language: a customer word, accent-insensitive, and a filter.
    const nunoa = ledger.views.filter((v) => v.customerName === 'Municipalidad de Ñuñoa');
    expect(nunoa.length).toBeGreaterThan(0);
    await page.getByTestId('query').fill('nunoa');
    await eventually(() => page.getByTestId('shown-count').textContent(), (value) => expect(value).toBe(`${nunoa.length} de ${ledger.views.length} documentos`));
    const aromos = ledger.views.filter((v) => v.customerName === 'Comercial Los Aromos Ltda.');
    await page.getByTestId('query').fill('aromos tipo:33');
    const aromosInvoices = aromos.filter((v) => v.type === 33);
    await eventually(() => page.getByTestId('shown-count').textContent(), (value) => expect(value).toBe(`${aromosInvoices.length} de ${ledger.views.length} documentos`));
    await page.getByTestId('query').fill('estado:nada');
    await expect(page.getByTestId('query-error').textContent()).resolves.toContain('«estado:nada»');

    // Sort by total, largest first.
    await page.getByTestId('query').fill('');
    await page.getByTestId('sort').selectOption('total');
    const byTotal = [...ledger.views].sort((a, b) => b.total - a.total).slice(0, 5).map((v) => v.total);
    await eventually(async () => (await keys()).slice(0, 5).map((key) => ledger.views.find((v) => documentKey(v) === key)!.total), (value) => expect(value).toEqual(byTotal));

    // Open a pending invoice and pay its whole balance: the status turns to paid.
    const target = ledger.views.find((v) => v.type === 33 && v.paymentStatus === 'pendiente' && v.balance > 0)!;
    const key = documentKey(target);
    await page.getByTestId('query').fill(key);
    await page.locator(`[data-testid=doc-row][data-key="${key}"]`).click();
    await expect(page.getByTestId('detail').getAttribute('data-key')).resolves.toBe(key);
    await expect(page.getByTestId('detail').getByTestId('status-chip').first().getAttribute('data-status')).resolves.toBe('pendiente');
    await page.getByTestId('pay-method').fill('Transferencia');
    await page.getByTestId('pay-reference').fill('=HYPERLINK("http://x")');
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('notice-ok').waitFor();
    expect(await page.getByTestId('notice-ok').textContent()).toBe(`Pago registrado en ${key}: pendiente → pagada.`);
    await expect(page.getByTestId('detail').getByTestId('status-chip').first().getAttribute('data-status')).resolves.toBe('pagada');
    await expect(page.getByTestId('balance').textContent()).resolves.toBe('$0');

    // The payment is in the file, the reference kept as text.
    const after = await openXlsxStore(workbookPath).read();
    const payment = after.book.payments.find((p) => documentKey(p) === key && p.reference.startsWith('=HYPERLINK'));
    expect(payment).toMatchObject({ amount: target.balance, date: TODAY, method: 'Transferencia', recordedBy: 'contadora@example.cl' });
    expect(after.book.history.at(-1)).toMatchObject({ previousStatus: 'pendiente', newStatus: 'pagada', channel: 'sidebar' });

    // The PDF is built in the browser by the inlined pdfmake.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`${key}.pdf`);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // English.
    await page.getByTestId('language').click();
    await expect(page.getByTestId('tab-list').textContent()).resolves.toBe('Documents');
    await expect(page.getByTestId('detail').getByTestId('status-chip').first().textContent()).resolves.toBe('paid');

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-detail-en.png'), fullPage: true });
  });

  test('reports: status summary, ageing and the Libro de Ventas as CSV', async () => {
    await page.getByTestId('tab-reports').click();
    await page.getByTestId('report-status').waitFor();
    await expect(page.getByTestId('report-aging').locator('h3').textContent()).resolves.toMatch(/ageing|Antigüedad/);
    await page.getByTestId('libro-period').fill('2026-09');
    await page.getByTestId('libro-period').dispatchEvent('change');
    await page.getByTestId('report-libro').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('libro-csv').click()]);
    expect(download.suggestedFilename()).toBe('libro-de-ventas-2026-09.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toMatch(/^(Tipo|Type);Folio|^(Tipo|Type);(Number|Folio)/);
    // The preview cannot add sheets to an .xlsx: that button is only in Google Sheets.
    await expect(page.getByTestId('libro-sheet').count()).resolves.toBe(0);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-reports.png'), fullPage: true });
  });
});
