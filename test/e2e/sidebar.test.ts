import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { agingReport, buildLedger, CHILE, documentKey, formatDateCl, formatMoney, libroDeVentas, statusSummary } from '../../core';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { type ServedSidebar, eventually, expectFitsSidebar, openServedDemoSidebar } from './serveProcess';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const TODAY = '2026-10-15';

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** WCAG contrast of each status chip's text on its own background (computed colours, rgb()). */
const chipContrasts = (page: Page) =>
  page.getByTestId('status-chip').evaluateAll((chips) => {
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    return chips.map((chip) => {
      const style = getComputedStyle(chip);
      const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
      return { status: chip.getAttribute('data-status'), contrast: Math.round(((light! + 0.05) / (dark! + 0.05)) * 100) / 100 };
    });
  });

describe('the sidebar in Chromium against facturas serve', () => {
  let served: ServedSidebar | undefined;
  let workbookPath: string;
  let page: Page;

  beforeAll(async () => {
    served = await openServedDemoSidebar('facturas-e2e-', TODAY);
    ({ workbookPath, page } = served);
  });

  afterAll(async () => {
    await served?.close();
  });

  const statuses = () =>
    page
      .getByTestId('doc-list')
      .getByTestId('status-chip')
      .evaluateAll((chips) => chips.map((c) => c.getAttribute('data-status')));
  const keys = () => page.getByTestId('doc-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));

  test('filters by status, searches, sorts, pays an invoice, downloads its PDF and switches to English', async () => {
    const read = await openXlsxStore(workbookPath).read();
    const ledger = buildLedger(read.book, TODAY, CHILE);

    // The list fits the sidebar.
    await expectFitsSidebar(page);
    await screenshot(page, 'sidebar-list');

    // Filter: only overdue documents, and the count says how many of all.
    await page.locator('details.filters > summary').click();
    await page.getByTestId('query-help-toggle').click();
    await expect(page.getByTestId('query-help').isVisible()).resolves.toBe(true);
    await expectFitsSidebar(page);
    await screenshot(page, 'sidebar-list-filters-help');
    await page.getByTestId('query-help-toggle').click();
    // Its status chips readable: the list draws only the visible rows, so each status is filtered in turn (every one appears in the demo).
    const contrasts: Awaited<ReturnType<typeof chipContrasts>> = [];
    for (const status of ['pendiente', 'parcial', 'vencida', 'pagada', 'anulada']) {
      await page.getByTestId('filter-status').selectOption(status);
      await eventually(statuses, (value) => expect(value[0]).toBe(status));
      contrasts.push(...(await chipContrasts(page)));
    }
    expect(new Set(contrasts.map((c) => c.status))).toEqual(new Set(['pendiente', 'parcial', 'vencida', 'pagada', 'anulada']));
    for (const chip of contrasts) expect(chip.contrast).toBeGreaterThanOrEqual(4.5);
    await page.getByTestId('filter-status').selectOption('vencida');
    const overdue = ledger.views.filter((v) => v.paymentStatus === 'vencida');
    expect(overdue.length).toBeGreaterThan(0);
    await eventually(statuses, (value) => {
      expect(value.length).toBeGreaterThan(0);
      expect(value).toEqual(Array(value.length).fill('vencida'));
    });
    await eventually(
      () => page.getByTestId('shown-count').textContent(),
      (value) => expect(value).toBe(`${overdue.length} de ${ledger.views.length} documentos`),
    );
    await page.getByTestId('filter-status').selectOption('');

    // Search with the query language: a customer word, accent-insensitive, and a filter.
    const nunoa = ledger.views.filter((v) => v.customerName === 'Municipalidad de Ñuñoa');
    expect(nunoa.length).toBeGreaterThan(0);
    await page.getByTestId('query').fill('nunoa');
    await eventually(
      () => page.getByTestId('shown-count').textContent(),
      (value) => expect(value).toBe(`${nunoa.length} de ${ledger.views.length} documentos`),
    );
    const aromos = ledger.views.filter((v) => v.customerName === 'Comercial Los Aromos Ltda.');
    await page.getByTestId('query').fill('aromos tipo:33');
    const aromosInvoices = aromos.filter((v) => v.type === 33);
    await eventually(
      () => page.getByTestId('shown-count').textContent(),
      (value) => expect(value).toBe(`${aromosInvoices.length} de ${ledger.views.length} documentos`),
    );
    await page.getByTestId('query').fill('estado:nada');
    await expect(page.getByTestId('query-error').textContent()).resolves.toContain('«estado:nada»');
    await expectFitsSidebar(page);
    await screenshot(page, 'sidebar-query-error');

    // Sort by total, largest first.
    await page.getByTestId('query').fill('');
    await page.getByTestId('sort').selectOption('total');
    const byTotal = [...ledger.views]
      .sort((a, b) => b.total - a.total)
      .slice(0, 5)
      .map((v) => v.total);
    await eventually(
      async () => (await keys()).slice(0, 5).map((key) => ledger.views.find((v) => documentKey(v) === key)!.total),
      (value) => expect(value).toEqual(byTotal),
    );

    // Open a pending invoice and pay its whole balance: the status turns to paid.
    const target = ledger.views.find((v) => v.type === 33 && v.paymentStatus === 'pendiente' && v.balance > 0)!;
    const key = documentKey(target);
    await page.getByTestId('query').fill(key);
    await page.locator(`[data-testid=doc-row][data-key="${key}"]`).click();
    await expect(page.getByTestId('detail').getAttribute('data-key')).resolves.toBe(key);
    await expect(page.getByTestId('detail').getByTestId('status-chip').first().getAttribute('data-status')).resolves.toBe('pendiente');
    await expectFitsSidebar(page);

    // A wrong amount is refused beside its field, and what was typed stays there to correct.
    await page.getByTestId('pay-amount').fill('abc');
    await page.getByTestId('pay-method').fill('Transferencia');
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('error-amount').waitFor();
    await expect(page.getByTestId('error-amount').textContent()).resolves.toContain('«abc»');
    await expect(page.getByTestId('pay-amount').inputValue()).resolves.toBe('abc');
    await expect(page.getByTestId('pay-method').inputValue()).resolves.toBe('Transferencia');
    await expectFitsSidebar(page);
    await screenshot(page, 'sidebar-detail-payment-error');
    await page.getByTestId('pay-amount').fill(String(target.balance));
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

    // History shows when, the way people here read it, on the business's clock: "27-11-2026 20:58".
    const recorded = new Date(after.book.history.at(-1)!.timestamp);
    const santiago = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: 'America/Santiago', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(recorded)
        .map((p) => [p.type, p.value]),
    );
    await expect(page.getByTestId('history-time').first().textContent()).resolves.toBe(`${formatDateCl(`${santiago.year}-${santiago.month}-${santiago.day}`)} ${santiago.hour}:${santiago.minute}`);
    await expectFitsSidebar(page);
    await screenshot(page, 'sidebar-detail');

    // The PDF is built in the browser by the inlined pdfmake.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`${key}.pdf`);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // English.
    await page.getByTestId('language').click();
    await expect(page.getByTestId('tab-list').textContent()).resolves.toBe('Documents');
    await expect(page.getByTestId('detail').getByTestId('status-chip').first().textContent()).resolves.toBe('paid');
    await expect(page.getByTestId('history-entry').first().textContent()).resolves.toContain('pending → paid');
    await expectFitsSidebar(page);
    await screenshot(page, 'sidebar-detail-en');
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

    // The narrow layouts show the same figures core computes.
    const read = await openXlsxStore(workbookPath).read();
    const ledger = buildLedger(read.book, TODAY, CHILE);
    const summary = statusSummary(ledger, CHILE);
    await expect(
      page
        .getByTestId('report-status')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))),
    ).resolves.toEqual(summary.lines.map((l) => l.status));
    await expect(page.getByTestId('report-status').locator('tfoot .main').textContent()).resolves.toBe(formatMoney(summary.totals.balance, 'CLP'));
    await expect(page.getByTestId('report-aging').locator('.bucket.total .num').textContent()).resolves.toBe(formatMoney(agingReport(ledger, CHILE).totals.total, 'CLP'));
    const libro = libroDeVentas(read.book, '2026-09', CHILE);
    if (!libro.ok) throw new Error('the demo has a Libro de Ventas for 2026-09');
    await expect(
      page
        .getByTestId('report-libro')
        .locator('ul.type-totals > li[data-type]')
        .evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-type')))),
    ).resolves.toEqual(libro.value.totals.map((t) => t.type));

    // With every disclosure open, in both languages, nothing sticks out of the sidebar.
    for (const summaryElement of await page.locator('.reports details > summary').all()) await summaryElement.click();
    await expect(page.locator('.reports details[open] [data-scroll-box]').count()).resolves.toBe(2);
    await expect(page.getByTestId('report-libro').locator('[data-scroll-box] tbody tr').count()).resolves.toBe(libro.value.rows.length);
    await expectFitsSidebar(page);
    await screenshot(page, 'sidebar-reports');
    await page.getByTestId('language').click();
    await expect(page.getByTestId('tab-reports').textContent()).resolves.toBe('Informes');
    await expect(page.locator('.reports details[open]').count()).resolves.toBe(2);
    await expectFitsSidebar(page);
    await screenshot(page, 'sidebar-reports-es');
  });
});
