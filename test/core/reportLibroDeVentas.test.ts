import { CHILE, formatIssue, libroDeVentas, type LibroDeVentas } from '../../core';
import { ACME, BETA, PENALOLEN, PERSONA, bookFrom } from './reportFixtures';

// October 2026, in sheet order on purpose (the book sorts by type and folio), with a
// void invoice, an exempt invoice, a receipt, a debit and a credit note, and documents
// of September and November that must stay out.
const october = bookFrom([
  [61, 501, '2026-10-10', '2026-10-10', ACME, 'Acme Ltda', 20000, 0, 3800, 23800, 'Emitida', '33-1001'],
  [33, 1003, '2026-10-31', '2026-11-30', BETA, 'Beta SpA', 250000, 0, 47500, 297500, 'Emitida', ''],
  [33, 999, '2026-09-30', '2026-10-30', BETA, 'Beta SpA', 10000, 0, 1900, 11900, 'Emitida', ''],
  [33, 1001, '2026-10-01', '2026-10-31', ACME, 'Acme Ltda', 100000, 0, 19000, 119000, 'Emitida', ''],
  [39, 5001, '2026-10-05', '2026-10-05', PERSONA, 'Juan Pérez', 8403, 0, 1597, 10000, 'Emitida', ''],
  [33, 1002, '2026-10-02', '2026-10-02', PENALOLEN, 'Peñalolén SpA', 10000, 0, 1900, 11900, 'Anulada', ''],
  [56, 301, '2026-10-12', '2026-10-12', ACME, 'Acme Ltda', 1000, 0, 190, 1190, 'Emitida', '33-1001'],
  [34, 201, '2026-10-15', '2026-11-15', ACME, 'Acme Ltda', 0, 50000, 0, 50000, 'Emitida', ''],
  [33, 1004, '2026-11-01', '2026-12-01', ACME, 'Acme Ltda', 10000, 0, 1900, 11900, 'Emitida', ''],
]);

const expected: LibroDeVentas = {
  period: '2026-10',
  rows: [
    { type: 33, number: 1001, date: '2026-10-01', customerTaxId: '76.086.428-5', customerName: 'Acme Ltda', exempt: 0, net: 100000, tax: 19000, otherTaxes: 0, total: 119000, void: false },
    { type: 33, number: 1002, date: '2026-10-02', customerTaxId: '12.531.909-2', customerName: 'Peñalolén SpA', exempt: 0, net: 0, tax: 0, otherTaxes: 0, total: 0, void: true },
    { type: 33, number: 1003, date: '2026-10-31', customerTaxId: '96.500.300-2', customerName: 'Beta SpA', exempt: 0, net: 250000, tax: 47500, otherTaxes: 0, total: 297500, void: false },
    { type: 34, number: 201, date: '2026-10-15', customerTaxId: '76.086.428-5', customerName: 'Acme Ltda', exempt: 50000, net: 0, tax: 0, otherTaxes: 0, total: 50000, void: false },
    { type: 39, number: 5001, date: '2026-10-05', customerTaxId: '9.123.456-4', customerName: 'Juan Pérez', exempt: 0, net: 8403, tax: 1597, otherTaxes: 0, total: 10000, void: false },
    { type: 56, number: 301, date: '2026-10-12', customerTaxId: '76.086.428-5', customerName: 'Acme Ltda', exempt: 0, net: 1000, tax: 190, otherTaxes: 0, total: 1190, void: false },
    { type: 61, number: 501, date: '2026-10-10', customerTaxId: '76.086.428-5', customerName: 'Acme Ltda', exempt: 0, net: 20000, tax: 3800, otherTaxes: 0, total: 23800, void: false },
  ],
  totals: [
    { type: 33, count: 2, voidCount: 1, exempt: 0, net: 350000, tax: 66500, otherTaxes: 0, total: 416500 },
    { type: 34, count: 1, voidCount: 0, exempt: 50000, net: 0, tax: 0, otherTaxes: 0, total: 50000 },
    { type: 39, count: 1, voidCount: 0, exempt: 0, net: 8403, tax: 1597, otherTaxes: 0, total: 10000 },
    { type: 56, count: 1, voidCount: 0, exempt: 0, net: 1000, tax: 190, otherTaxes: 0, total: 1190 },
    { type: 61, count: 1, voidCount: 0, exempt: 0, net: 20000, tax: 3800, otherTaxes: 0, total: 23800 },
  ],
  // 33 + 34 + 39 + 56 − 61:
  // net 350.000 + 8.403 + 1.000 − 20.000; tax 66.500 + 1.597 + 190 − 3.800; total 416.500 + 50.000 + 10.000 + 1.190 − 23.800
  grandTotal: { exempt: 50000, net: 339403, tax: 64487, otherTaxes: 0, total: 453890 },
};

describe('libroDeVentas', () => {
  it('lists the month in type and folio order with per-type totals and a grand total that subtracts credit notes', () => {
    expect(libroDeVentas(october, '2026-10', CHILE)).toEqual({ ok: true, value: expected });
  });

  it('is valid JSON in the shape of docs/cli.md (Output)', () => {
    const result = libroDeVentas(october, '2026-10', CHILE);
    if (!result.ok) throw new Error('expected a book');
    expect(Object.keys(JSON.parse(JSON.stringify(result.value)))).toEqual(['period', 'rows', 'totals', 'grandTotal']);
  });

  it('shows a credit note typed with negative amounts as positive, still subtracting it', () => {
    const negative = bookFrom([
      [33, 1, '2026-10-01', '2026-10-31', ACME, 'Acme Ltda', 10000, 0, 1900, 11900, 'Emitida', ''],
      [61, 2, '2026-10-02', '2026-10-02', ACME, 'Acme Ltda', -1000, 0, -190, -1190, 'Emitida', '33-1'],
    ]);
    const result = libroDeVentas(negative, '2026-10', CHILE);
    expect(result.ok && result.value.rows[1]).toMatchObject({ net: 1000, tax: 190, otherTaxes: 0, total: 1190 });
    expect(result.ok && result.value.grandTotal).toEqual({ exempt: 0, net: 9000, tax: 1710, otherTaxes: 0, total: 10710 });
  });

  it('is empty for a month with no documents', () => {
    expect(libroDeVentas(october, '2025-01', CHILE)).toEqual({ ok: true, value: { period: '2025-01', rows: [], totals: [], grandTotal: { exempt: 0, net: 0, tax: 0, otherTaxes: 0, total: 0 } } });
  });

  it.each(['2026-13', '2026-1', 'octubre', '', '2026-10-01'])('rejects the period %p with a message that shows the form', (period) => {
    const result = libroDeVentas(october, period, CHILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([{ code: 'invalidPeriod', path: { field: 'period' }, params: { value: period } }]);
    expect(formatIssue(result.issues[0]!, 'es')).toContain('use AAAA-MM');
  });
});
