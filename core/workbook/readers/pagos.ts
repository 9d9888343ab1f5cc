import type { Payment } from '../../model';
import { type DocumentIndex, documentOf } from './facturas';
import { type ReadContext, readRows } from './readContext';
import { rowFields } from './rowFields';

/** Pagos [Payments]: each payment in the currency of the document it pays. */
export function readPayments(context: ReadContext, byKey: DocumentIndex): Payment[] {
  const fields = rowFields(context, 'pagos');
  return readRows(context, 'pagos', (row, rowNumber, problems) => {
    const f = fields(row, rowNumber, problems);
    const date = f.date('date');
    const type = f.documentType('type');
    const number = f.integer('number');
    const doc = documentOf(byKey, type, number);
    const amount = f.amount('amount', doc?.currency ?? context.profile.defaultCurrency);
    if (amount !== null && amount <= 0) f.report('amount', 'amountNotPositive');
    if (type !== null && number !== null && !doc) f.report('number', 'unknownReference', { value: `${type}-${number}` });
    if (problems.length > 0) return null;
    return {
      date: date!,
      type: type!,
      number: number!,
      amount: amount!,
      method: f.text('method'),
      reference: f.text('reference'),
      recordedBy: f.text('recordedBy'),
      row: rowNumber,
    } satisfies Payment;
  });
}
