import { type Browser, type Page, chromium } from 'playwright-core';
import { CHILE, type InvoiceView, type Query, documentKey, formatMoney, parseQuery, readWorkbook, runQuery, buildLedger } from '../../core';
import { generateWorkbookTables } from '../bench/generateDocuments';
import { CHROMIUM_ARGS, deliverAndTimeFirstPage, drawnRows, firstLoadAnswer, openSidebarWithAnswer } from './sidebarPage';

const TODAY = '2026-10-15';
const COUNT = 20_000;

/** Waits until the page shows what `check` expects (drawing follows scroll and input events), then asserts it. */
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

describe('the windowed list in Chromium over a 20,000-document first load', () => {
  let browser: Browser;
  let page: Page;
  let views: readonly InvoiceView[];
  const ordered = (text: string): string[] => {
    const query = parseQuery(text);
    if (!query.ok) throw new Error(text);
    return runQuery(views, query.value as Query, { offset: 0, limit: views.length }).items.map(documentKey);
  };
  const scrollTo = (row: number) => page.locator('.window').evaluate((box, top) => (box.scrollTop = top), row * 82);

  beforeAll(async () => {
    const tables = generateWorkbookTables({ count: COUNT, today: TODAY });
    views = buildLedger(readWorkbook(tables, { profile: CHILE, timeZone: 'UTC' }).book, TODAY, CHILE).views;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await openSidebarWithAnswer(browser, firstLoadAnswer(tables, TODAY));
    await deliverAndTimeFirstPage(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('draws only the visible rows, and after scrolling they are the right ones', async () => {
    const all = ordered('');
    const first = await drawnRows(page);
    expect(first.length).toBeGreaterThan(3);
    expect(first.length).toBeLessThan(30);
    expect(first.map((r) => r.key)).toEqual(all.slice(0, first.length));
    await expect(page.getByTestId('shown-count').textContent()).resolves.toBe(`${COUNT} de ${COUNT} documentos`);

    await scrollTo(12_345);
    await eventually(
      () => drawnRows(page),
      (rows) => {
        expect(rows.some((r) => r.index === 12_345)).toBe(true);
        for (const row of rows) expect(row.key).toBe(all[row.index]);
      },
    );
  });

  test('filtering keeps the count and totals of the whole match, and scrolling it shows the right rows', async () => {
    await page.getByTestId('query').fill('estado:vencida orden:-total');
    const overdue = ordered('estado:vencida orden:-total');
    expect(overdue.length).toBeGreaterThan(500);
    await eventually(
      () => page.getByTestId('shown-count').textContent(),
      (text) => expect(text).toBe(`${overdue.length} de ${COUNT} documentos`),
    );
    const query = parseQuery('estado:vencida');
    const totals = runQuery(views, query.ok ? query.value : ({} as Query)).totals;
    await expect(page.getByTestId('totals').locator('.totals-line').first().textContent()).resolves.toBe(
      `Total ${formatMoney(totals[0]!.total, 'CLP')}Saldo ${formatMoney(totals[0]!.balance, 'CLP')}`,
    );

    await scrollTo(overdue.length - 3);
    await eventually(
      () => drawnRows(page),
      (rows) => {
        expect(rows.at(-1)!.index).toBe(overdue.length - 1);
        for (const row of rows) expect(row.key).toBe(overdue[row.index]);
      },
    );
  });

  test('the keyboard walks the whole match: End, Arrow Up, Home, Page Down', async () => {
    await page.getByTestId('query').fill('nunoa');
    const nunoa = ordered('nunoa');
    expect(nunoa.length).toBeGreaterThan(40);
    await eventually(
      () => page.getByTestId('shown-count').textContent(),
      (text) => expect(text).toBe(`${nunoa.length} de ${COUNT} documentos`),
    );
    const focused = () => page.evaluate(() => ({ index: Number((document.activeElement as HTMLElement).dataset.index), key: document.activeElement?.getAttribute('data-key') }));

    await page.getByTestId('doc-row').first().focus();
    await page.keyboard.press('End');
    await eventually(focused, (row) => expect(row).toEqual({ index: nunoa.length - 1, key: nunoa.at(-1) }));
    await page.keyboard.press('ArrowUp');
    await eventually(focused, (row) => expect(row).toEqual({ index: nunoa.length - 2, key: nunoa.at(-2) }));
    await page.keyboard.press('Home');
    await eventually(focused, (row) => expect(row).toEqual({ index: 0, key: nunoa[0] }));
    await page.keyboard.press('PageDown');
    let paged = -1;
    await eventually(focused, (row) => {
      expect(row.index).toBeGreaterThan(2);
      expect(row.key).toBe(nunoa[row.index]);
      paged = row.index;
    });
    // Enter opens the focused document (this page does not answer openDocument, so it stays loading).
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('detail-loading').getAttribute('data-key')).resolves.toBe(nunoa[paged]);
  });
});
