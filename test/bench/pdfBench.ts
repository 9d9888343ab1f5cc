import { CHILE, buildLedger, documentKey, invoiceDocDefinition, libroDeVentas, libroDeVentasDocDefinition, readWorkbook, type InvoicePdfInput } from '../../core';
import { demoWorkbook } from '../../core/demo';
import { renderPdf } from '../../core/node/pdf';
import { pdfText } from '../node/pdfText';
import { benchWorkbook } from './benchWorkbook';
import { READ_OPTIONS } from './fixture';
import { row, timeAlone, timePair, type BenchRow } from './measure';
import { pdfkitInvoice } from './pdfkitInvoice';

const TODAY = '2026-10-15';

/** A paid-in-part invoice of the demo workbook with several lines: what a user opens and downloads. */
function sampleInvoice(): InvoicePdfInput {
  const read = readWorkbook(demoWorkbook({ today: TODAY }), READ_OPTIONS);
  const ledger = buildLedger(read.book, TODAY, CHILE);
  const linesOf = (key: string) => read.book.lines.filter((l) => documentKey(l) === key);
  const paymentsOf = (key: string) => read.book.payments.filter((p) => documentKey(p) === key);
  const view = ledger.views.find((v) => v.type === 33 && v.state === 'emitida' && linesOf(documentKey(v)).length >= 3 && paymentsOf(documentKey(v)).length >= 1);
  if (!view) throw new Error('the demo workbook has no invoice with three lines and a payment');
  const key = documentKey(view);
  const customer = read.book.customers.find((c) => c.taxId === view.customerTaxId) ?? null;
  return { view, lines: linesOf(key), payments: paymentsOf(key), customer, issuer: read.book.issuer, profile: CHILE, asOf: TODAY, timeZone: 'America/Santiago' };
}

/** A month of 5,000 documents: a 5,000-document workbook whose issue dates all fall in September. */
function libroOf5000() {
  const read = readWorkbook(benchWorkbook(5000).tables, READ_OPTIONS);
  const documents = read.book.documents.map((d) => ({ ...d, issueDate: `2026-09-${String(Math.min(30, Number(d.issueDate.slice(8, 10)))).padStart(2, '0')}` }));
  const libro = libroDeVentas({ ...read.book, documents }, '2026-09', CHILE);
  if (!libro.ok || libro.value.rows.length !== 5000) throw new Error('the 5,000-row Libro de Ventas did not come out at 5,000 rows');
  return libro.value;
}

/** Both PDFs must carry the invoice's identity and amounts, or they are not the same work. */
async function assertSameInvoice(ours: Buffer, floor: Buffer, input: InvoicePdfInput): Promise<void> {
  const wanted = [input.view.customerName, String(input.view.number), ...input.lines.map((l) => l.description)];
  for (const [name, pdf] of [
    ['pdfmake', ours],
    ['pdfkit', floor],
  ] as const) {
    const { text } = await pdfText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    const missing = wanted.filter((w) => !flat.includes(w));
    if (missing.length > 0) throw new Error(`the ${name} invoice PDF lacks ${missing.join(', ')}`);
  }
}

export async function pdfBench(): Promise<BenchRow[]> {
  const input = sampleInvoice();
  const ours = () => renderPdf(invoiceDocDefinition(input));
  const floor = () => pdfkitInvoice(input);
  await assertSameInvoice(await ours(), await floor(), input);
  const invoice = await timePair(ours, floor, { budgetMs: 6000, minRuns: 15 });

  const libro = libroOf5000();
  const libroPdf = await renderPdf(libroDeVentasDocDefinition(libro, 'es', CHILE));
  const { pages } = await pdfText(libroPdf);
  const libroTime = await timeAlone(() => renderPdf(libroDeVentasDocDefinition(libro, 'es', CHILE)), { minRuns: 3, maxRuns: 3 });

  return [
    row({
      group: 'pdf',
      name: `invoice PDF (definition + pdfmake render), ${input.lines.length} lines`,
      size: 1,
      oursMs: invoice.oursMs,
      peerMs: invoice.peerMs,
      peer: 'pdfkit direct (floor)',
      detail: `${(await ours()).length} bytes vs ${(await floor()).length} bytes`,
    }),
    row({ group: 'pdf', name: 'Libro de Ventas PDF, 5,000 rows', size: 5000, oursMs: libroTime.ms, detail: `${pages} pages, ${libroPdf.length} bytes` }),
  ];
}
