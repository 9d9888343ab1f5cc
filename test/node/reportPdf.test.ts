import { CHILE, buildLedger, libroDeVentas, libroDeVentasDocDefinition, reportDocDefinition, statusSummary, statusSummaryTable } from '../../core';
import { renderPdf } from '../../core/node/pdf';
import { ACME, AGING_AS_OF, agingBook, bookFrom } from '../core/reportFixtures';
import { pdfText } from './pdfText';

const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('report PDFs', () => {
  it('renders the status summary with its totals and page number', async () => {
    const table = statusSummaryTable(statusSummary(buildLedger(agingBook(), AGING_AS_OF, CHILE), CHILE));
    const text = flat((await pdfText(await renderPdf(reportDocDefinition(table)))).text);
    for (const expected of ['Resumen por estado de pago', 'al 31-12-2026', 'Vencida 8 $101.150 $89.250', 'Total 12 $245.140 $190.440', 'Página 1 de 1']) expect(text).toContain(expected);
  });

  it('renders a long Libro de Ventas over several landscape pages, repeating the header', async () => {
    const docs = Array.from({ length: 120 }, (_, i) => [33, 1000 + i, '2026-10-01', '2026-10-31', ACME, 'Acme Ltda', 10000, 0, 1900, 11900, 'Emitida', ''] as const);
    const libro = libroDeVentas(bookFrom(docs), '2026-10', CHILE);
    if (!libro.ok) throw new Error('expected a book');
    const { text, pages } = await pdfText(await renderPdf(libroDeVentasDocDefinition(libro.value, 'es', CHILE)));
    expect(pages).toBeGreaterThan(1);
    expect(flat(text)).toContain(`Página ${pages} de ${pages}`);
    expect(text.match(/Tipo Folio Fecha RUT Cliente/g)).toHaveLength(pages);
    // 120 × 11.900
    expect(flat(text)).toContain('Factura electrónica: 120 documentos $0 $1.200.000 $228.000 $1.428.000');
  });
});
