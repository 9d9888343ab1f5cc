import {
  CHILE,
  agingReport,
  agingTable,
  buildLedger,
  libroDeVentas,
  libroDeVentasTable,
  renderCsv,
  renderTextTable,
  reportDocDefinition,
  statusSummary,
  statusSummaryTable,
  type ReportTable,
} from '../../core';
import { ACME, AGING_AS_OF, PENALOLEN, agingBook, bookFrom } from './reportFixtures';

const ledger = buildLedger(agingBook(), AGING_AS_OF, CHILE);

const libroTable = (locale: 'es' | 'en'): ReportTable => {
  const book = bookFrom([
    [33, 1001, '2026-10-01', '2026-10-31', ACME, 'Acme; "Ltda"', 100000, 0, 19000, 119000, 'Emitida', ''],
    [33, 1002, '2026-10-02', '2026-10-02', PENALOLEN, '=HYPERLINK("http://x")', 10000, 0, 1900, 11900, 'Anulada', ''],
    [61, 501, '2026-10-10', '2026-10-10', ACME, 'Acme; "Ltda"', 20000, 0, 3800, 23800, 'Emitida', '33-1001'],
  ]);
  const libro = libroDeVentas(book, '2026-10', CHILE);
  if (!libro.ok) throw new Error('expected a book');
  return libroDeVentasTable(libro.value, locale, CHILE);
};

describe('statusSummaryTable', () => {
  it('names statuses in Spanish by default and in English on request', () => {
    const es = statusSummaryTable(statusSummary(ledger, CHILE));
    expect(es.title).toBe('Resumen por estado de pago');
    expect(es.subtitle).toBe('al 31-12-2026');
    expect(es.rows.map((r) => r[0])).toEqual(['Pendiente', 'Parcial', 'Vencida', 'Pagada', 'Anulada']);
    expect(es.footer).toEqual([['Total', 12, 245140, 190440]]);
    const en = statusSummaryTable(statusSummary(ledger, CHILE), 'en');
    expect(en.subtitle).toBe('as of 31-12-2026');
    expect(en.rows.map((r) => r[0])).toEqual(['Pending', 'Partial', 'Overdue', 'Paid', 'Void']);
    expect(en.columns.map((c) => c.header)).toEqual(['Status', 'Documents', 'Total', 'Balance']);
  });
});

describe('renderTextTable', () => {
  it('aligns columns, shows amounts the Chilean way and sets the totals apart', () => {
    const text = renderTextTable(statusSummaryTable(statusSummary(ledger, CHILE)));
    expect(text).toBe(
      [
        'Resumen por estado de pago',
        'al 31-12-2026',
        '',
        'Estado     Documentos     Total     Saldo',
        '---------  ----------  --------  --------',
        'Pendiente           1    $1.190    $1.190',
        'Parcial             1  $119.000  $100.000',
        'Vencida             8  $101.150   $89.250',
        'Pagada              1   $11.900        $0',
        'Anulada             1   $11.900        $0',
        '---------  ----------  --------  --------',
        'Total              12  $245.140  $190.440',
        '',
      ].join('\n'),
    );
  });

  it('shows dates as DD-MM-YYYY', () => {
    expect(renderTextTable(libroTable('es'))).toContain('01-10-2026');
  });
});

describe('agingTable', () => {
  it('has one row per customer, largest first, and bucket headers in the chosen language', () => {
    const table = agingTable(agingReport(ledger, CHILE));
    expect(table.columns.map((c) => c.header)).toEqual(['RUT', 'Cliente', 'Por vencer', '1-30 días', '31-60 días', '61-90 días', 'Más de 90 días', 'Total']);
    expect(table.rows).toEqual([
      ['96.500.300-2', 'Beta SpA', 100000, 0, 47600, 0, 0, 147600],
      ['76.086.428-5', 'Acme Ltda', 1190, 5950, 10710, 15470, 9520, 42840],
    ]);
    expect(table.footer).toEqual([['', 'Total', 101190, 5950, 58310, 15470, 9520, 190440]]);
    expect(agingTable(agingReport(ledger, CHILE), 'en').columns[6]!.header).toBe('Over 90 days');
  });
});

describe('renderCsv', () => {
  const csv = renderCsv(libroTable('es'));
  const lines = csv.slice(1).split('\r\n');

  it('starts with a UTF-8 BOM, separates with semicolons and ends lines with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe('Tipo;Folio;Fecha;RUT;Cliente;Exento;Neto;IVA;Total;Estado');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes amounts as plain integers, dates as DD-MM-YYYY and quotes what needs it', () => {
    expect(lines[1]).toBe('33;1001;01-10-2026;76.086.428-5;"Acme; ""Ltda""";0;100000;19000;119000;');
    expect(lines[3]).toBe('61;501;10-10-2026;76.086.428-5;"Acme; ""Ltda""";0;20000;3800;23800;');
  });

  it('keeps a customer name that looks like a formula from running in Excel', () => {
    expect(lines[2]).toBe(`33;1002;02-10-2026;12.531.909-2;"'=HYPERLINK(""http://x"")";0;0;0;0;Anulada`);
  });

  it('ends with the per-type totals and the grand total', () => {
    expect(lines.slice(4, 7)).toEqual([
      '33;;;;Factura electrónica: 1 documento, 1 anulado;0;100000;19000;119000;',
      '61;;;;Nota de crédito electrónica: 1 documento;0;20000;3800;23800;',
      ';;;;Total general (las notas de crédito restan);0;80000;15200;95200;',
    ]);
    expect(lines[7]).toBe('');
    expect(lines).toHaveLength(8);
  });
});

describe('reportDocDefinition', () => {
  it('turns a wide table landscape with a repeated header, page numbers and formatted cells', () => {
    const doc = reportDocDefinition(libroTable('en'));
    expect(doc.pageOrientation).toBe('landscape');
    const table = doc.content.find((node) => 'table' in node);
    if (!table || !('table' in table)) throw new Error('no table');
    expect(table.table.headerRows).toBe(1);
    expect(table.table.body[0]!.map((cell) => ('text' in cell ? cell.text : ''))).toEqual(['Type', 'Number', 'Date', 'RUT', 'Customer', 'Exempt', 'Net', 'VAT', 'Total', 'State']);
    expect(table.table.body[1]!.map((cell) => ('text' in cell ? cell.text : ''))).toEqual(['33', '1001', '01-10-2026', '76.086.428-5', 'Acme; "Ltda"', '$0', '$100.000', '$19.000', '$119.000', '']);
    expect(doc.footer!(2, 5)).toMatchObject({ columns: [{ text: '' }, { text: 'Page 2 of 5' }] });
  });

  it('keeps a narrow table portrait and says when there is nothing to show', () => {
    const empty = statusSummaryTable({ ...statusSummary(ledger, CHILE), lines: [] });
    const doc = reportDocDefinition(empty);
    expect(doc.pageOrientation).toBe('portrait');
    expect(doc.content.some((node) => 'text' in node && node.text === 'Sin datos para este informe.')).toBe(true);
  });
});
