import path from 'node:path';
import type { Page } from 'playwright-core';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { type ServedSidebar, eventually, expectFitsSidebar, openServedDemoSidebar } from './serveProcess';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'sii');
const TODAY = '2026-10-15';

describe('the sidebar SII section in Chromium against facturas serve', () => {
  let served: ServedSidebar | undefined;
  let workbookPath: string;
  let page: Page;

  beforeAll(async () => {
    served = await openServedDemoSidebar('facturas-sii-e2e-', TODAY);
    ({ workbookPath, page } = served);
  });

  afterAll(async () => {
    await served?.close();
  });

  test('previews, imports, finds the same files already there, reconciles with links to documents, shows the F29, in both languages', async () => {
    await page.getByTestId('tab-sii').click();
    await page.getByTestId('sii-files').setInputFiles([path.join(FIXTURES, 'rcv-ventas-2026-10.csv'), path.join(FIXTURES, 'envio-dte-iso-8859-1.xml')]);
    await page.getByTestId('sii-selected').waitFor();
    await page.getByTestId('sii-preview-button').click();
    const preview = page.getByTestId('sii-preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('Se agregarán: 33-80001, 33-80002, 34-80003, 61-80001, 33-80004, 33-80101, 61-80102');
    await expect(preview.textContent()).resolves.toContain('rcv-ventas-2026-10.csv (exportación de ventas del RCV, Windows-1252)');
    await expectFitsSidebar(page);

    await page.getByTestId('sii-import-button').click();
    await eventually(
      () => page.getByTestId('notice-ok').textContent(),
      (text) => expect(text).toBe('Se importaron 7 documentos.'),
    );
    const read = await openXlsxStore(workbookPath).read();
    expect(read.book.documents.find((d) => d.type === 33 && d.number === 80002)).toMatchObject({ customerName: 'FERRETERÍA PEÑALOLÉN LTDA', otherTaxes: 140_000, total: 735_000 });

    await page.getByTestId('sii-preview-button').click();
    await eventually(
      () => page.getByTestId('sii-preview').textContent(),
      (text) => expect(text).toContain('Ya están en el libro: 33-80001, 33-80002, 34-80003, 61-80001, 33-80004, 33-80101, 61-80102'),
    );

    await page.getByTestId('sii-reconcile-button').click();
    const claimed = page.getByTestId('sii-claimed');
    await claimed.waitFor();
    await expect(claimed.textContent()).resolves.toContain('reclamado el 10-10-2026');
    await expectFitsSidebar(page);
    await claimed.getByTestId('sii-open-33-80004').click();
    await expect(page.getByTestId('detail').getAttribute('data-key')).resolves.toBe('33-80004');

    await page.getByTestId('tab-sii').click();
    await expect(page.locator('[data-testid=sii-f29] tr[data-code="538"]').textContent()).resolves.toMatch(/538Total débitos\$[\d.]+/);
    await page.getByTestId('language').click();
    await expect(page.getByTestId('sii-reconcile-button').textContent()).resolves.toBe('Reconcile with the RCV');
    await expect(page.locator('[data-testid=sii-f29] tr[data-code="538"]').textContent()).resolves.toContain('Total debits');
    await expectFitsSidebar(page);
    await page.getByTestId('language').click();
  });

  test('a credit note whose invoice is missing is refused and named, and nothing is written', async () => {
    await page.getByTestId('tab-sii').click();
    const before = (await openXlsxStore(workbookPath).read()).book.documents.length;
    await page.getByTestId('sii-files').setInputFiles([path.join(FIXTURES, 'nota-credito-sin-factura.xml')]);
    await page.getByTestId('sii-selected').waitFor();
    await page.getByTestId('sii-preview-button').click();
    const problems = page.getByTestId('sii-problems');
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toContain(
      'nota-credito-sin-factura.xml, documento 1 (folio 80104), campo Referencia: «33-999999» no corresponde a ningún documento del libro ni de esta importación',
    );
    await expect(page.getByTestId('sii-import-button').isDisabled()).resolves.toBe(true);
    await expectFitsSidebar(page);
    expect((await openXlsxStore(workbookPath).read()).book.documents.length).toBe(before);
  });
});
