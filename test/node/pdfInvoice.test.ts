import { CHILE, buildLedger, invoiceDocDefinition, type Book, type Issuer } from '../../core';
import { renderPdf } from '../../core/node/pdf';
import { bookFrom, PENALOLEN } from '../core/reportFixtures';
import { pdfText } from './pdfText';

/** The PDF's text with line breaks and runs of spaces as single spaces, since wrapping is layout. */
const textOf = async (pdf: Buffer): Promise<string> => (await pdfText(pdf)).text.replace(/\s+/g, ' ');

const ISSUER: Issuer = { name: 'Servicios Andinos SpA', taxId: '76.086.428-5', businessActivity: 'Asesorías informáticas', address: 'Av. Providencia 1234, Santiago', email: 'cobranza@andinos.cl', phone: '+56 2 2345 6789' };

const book: Book = bookFrom(
  [
    [33, 1023, '2026-10-01', '2026-10-31', PENALOLEN, 'Comercial Peñalolén SpA', 1000000, 0, 190000, 1190000, 'Emitida', ''],
    [33, 1024, '2026-10-02', '2026-10-02', PENALOLEN, 'Comercial Peñalolén SpA', 10000, 0, 1900, 11900, 'Anulada', ''],
    [61, 77, '2026-10-03', '2026-10-03', PENALOLEN, 'Comercial Peñalolén SpA', 10000, 0, 1900, 11900, 'Emitida', '33-1023'],
  ],
  [['2026-10-20', 33, 1023, 500000], ['2026-11-20', 33, 1023, 1000]],
  {
    detalle: [
      [33, 1023, 'Servicio de consultoría', 10, 80000, 0, 'no'],
      [33, 1023, 'Licencia anual', 2, 125000, 20, 'no'],
      [33, 1024, 'Otra factura', 1, 10000, 0, 'no'],
    ],
    clientes: [[PENALOLEN, 'Comercial Peñalolén SpA', 'Empresa', 'Comercio al por menor', 'Metropolitana', 'Peñalolén', 'pagos@penalolen.cl', '', '']],
  },
);
const ledger = buildLedger(book, '2026-10-25', CHILE);
const definitionFor = (type: number, number: number, extra: Partial<Parameters<typeof invoiceDocDefinition>[0]> = {}) =>
  invoiceDocDefinition({ view: ledger.byKey(type, number)!, lines: book.lines, payments: book.payments, customer: book.customers[0], issuer: ISSUER, profile: CHILE, asOf: ledger.asOf, timeZone: 'America/Santiago', ...extra });

describe('invoice PDF', () => {
  it('shows folio, issuer, customer, lines, totals and the payment position in Spanish', async () => {
    const pdf = await renderPdf(definitionFor(33, 1023));
    expect((await pdfText(pdf)).pages).toBe(1);
    const text = await textOf(pdf);
    for (const expected of [
      'Servicios Andinos SpA', 'R.U.T.: 76.086.428-5', 'FACTURA ELECTRÓNICA', 'N° 1023',
      'Comercial Peñalolén SpA', '12.531.909-2', 'Comercio al por menor', 'Peñalolén, Metropolitana',
      'Fecha de emisión: 01-10-2026', 'Vencimiento: 31-10-2026', 'Origen: Pedido N° PV-1023',
      'Servicio de consultoría', '$80.000', '$800.000', 'Licencia anual', '20%', '$200.000',
      'Neto', '$1.000.000', 'IVA 19%', '$190.000', 'Total', '$1.190.000',
      '20-10-2026', '$500.000', 'Pagado', 'Notas de crédito y débito', '-$11.900', 'Saldo', '$678.100', 'Estado de pago', 'Parcial',
      'Página 1 de 1',
    ]) expect(text).toContain(expected);
    // A payment dated after the as-of date is not shown.
    expect(text).not.toContain('20-11-2026');
  });

  it('prints Historial times on the business clock, not in UTC', async () => {
    // 15:30 UTC on 20 October is 12:30 in Santiago (UTC-3 in October).
    const history = [{ id: 'H-00001', timestamp: '2026-10-20T15:30:00.000Z', type: 33, number: 1023, previousStatus: 'pendiente', newStatus: 'partial', amount: 500000, user: 'ana', channel: 'cli', row: 2 }];
    const text = await textOf(await renderPdf(definitionFor(33, 1023, { history, timeZone: 'America/Santiago' })));
    expect(text).toContain('20-10-2026 12:30 · pendiente › parcial · $500.000 · ana (cli)');
    expect(text).not.toContain('15:30');
  });

  it('speaks English on request', async () => {
    const text = await textOf(await renderPdf(definitionFor(33, 1023, { locale: 'en' })));
    for (const expected of ['ELECTRONIC INVOICE', 'No. 1023', 'Issue date: 01-10-2026', 'Origin: Sales order No. PV-1023', 'VAT 19%', '$1.190.000', 'Balance', 'Partial', 'Page 1 of 1']) expect(text).toContain(expected);
  });

  it('says the issuer is missing instead of inventing one', async () => {
    const text = await textOf(await renderPdf(definitionFor(33, 1023, { issuer: null })));
    expect(text).toContain('Emisor sin datos: complete la hoja Empresa');
    expect(text).toContain('$1.190.000');
  });

  it('marks a void invoice and a credit note names the invoice it amends', async () => {
    const voided = await textOf(await renderPdf(definitionFor(33, 1024)));
    expect(voided).toContain('Documento anulado');
    expect(voided).not.toContain('Saldo');
    const note = await textOf(await renderPdf(definitionFor(61, 77)));
    expect(note).toContain('NOTA DE CRÉDITO ELECTRÓNICA');
    expect(note).toContain('Documento que modifica: Factura electrónica N° 1023');
    expect(note).toContain('$11.900');
  });
});
