import { CHILE, buildLedger, planManualStateEdit, readWorkbook, refreshDerivedCells, voidDocument } from '../../core';
import { FACTURAS_HEADER, documentRow, workbook } from '../support/tables';

// Pagado, Saldo and Estado de pago are columns 18-20 (0-based 17-19) after the input columns.
const header = [...FACTURAS_HEADER, 'Pagado', 'Saldo', 'Estado de pago'];
const withDerived = (row: ReturnType<typeof documentRow>) => [...row, '', '', ''];
const tables = {
  ...workbook([], [['2026-10-05', 33, 1, 50_000, 'Transferencia', '', 'ana']]),
  Facturas: [
    header,
    withDerived(documentRow({ number: 1, due: '2026-10-31' })),
    withDerived(documentRow({ type: 61, number: 3, reference: '33-1', net: 10_000, tax: 1_900 })),
    withDerived(documentRow({ type: 56, number: 4, reference: '33-1', net: 1_000, tax: 190 })),
    withDerived(documentRow({ number: 5, due: '2026-10-31' })),
  ],
};
const read = readWorkbook(tables, { profile: CHILE, timeZone: 'UTC' });
const today = '2026-10-10';

describe('refreshDerivedCells', () => {
  it('voiding a credit note refreshes the invoice it amended, whose balance grows back', () => {
    const result = voidDocument(read, CHILE, { document: '61-3', user: 'ana', channel: 'cli', today, now: '2026-10-10T13:00:00.000Z' });
    if (!result.ok) throw new Error('expected ok');
    const invoiceCells = result.value.plan.updates.filter((u) => u.row === 2);
    // 119.000 - 50.000 paid - 11.900 credit + 1.190 debit = 58.290; without the credit: 70.190.
    expect(invoiceCells.map((u) => u.value)).toEqual([50_000, 70_190, 'parcial']);
    expect(result.value.plan.updates.some((u) => u.row === 5)).toBe(false);
  });

  it('voiding an invoice by hand also refreshes the notes on it, which show its status', () => {
    const voided = { ...tables, Facturas: tables.Facturas.map((row, i) => (i === 4 ? withDerived(documentRow({ number: 5, due: '2026-10-31', state: 'Anulada' })) : row)) };
    const withNote = { ...voided, Facturas: [...voided.Facturas, withDerived(documentRow({ type: 61, number: 6, reference: '33-5', net: 1_000, tax: 190 }))] };
    const after = readWorkbook(withNote, { profile: CHILE, timeZone: 'UTC' });
    const planned = planManualStateEdit(after, CHILE, {
      sheetName: 'Facturas',
      firstRow: 5,
      lastRow: 5,
      firstColumn: 15,
      lastColumn: 15,
      oldValue: 'Emitida',
      user: 'ana',
      today,
      now: '2026-10-10T13:00:00.000Z',
    });
    if (!planned.ok) throw new Error('expected ok');
    expect(planned.value.recorded).toBe(1);
    expect(planned.value.plan.appends[0]!.values.slice(2, 6)).toEqual([33, 5, 'pendiente', 'anulada']);
    expect(planned.value.plan.updates.map((u) => [u.row, u.value])).toEqual([
      [5, 0],
      [5, 0],
      [5, 'anulada'],
      [6, 0],
      [6, 0],
      [6, 'anulada'],
    ]);
  });

  it('an edit outside the Estado column plans nothing', () => {
    const planned = planManualStateEdit(read, CHILE, { sheetName: 'Facturas', firstRow: 2, lastRow: 2, firstColumn: 6, lastColumn: 6, user: 'ana', today, now: 'x' });
    expect(planned.ok && planned.value).toEqual({ plan: { updates: [], appends: [] }, recorded: 0 });
  });

  it('leaves alone the documents whose position did not move', () => {
    const ledger = buildLedger(read.book, today, CHILE);
    expect(refreshDerivedCells(read.layout.facturas!, ledger, ledger, [{ type: 33, number: 5 }]).map((u) => u.row)).toEqual([5, 5, 5]);
  });
});
