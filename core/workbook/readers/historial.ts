import type { HistoryEntry } from '../../model';
import { isBlank, parseAmountCell } from '../cells';
import { type DocumentIndex, documentOf } from './facturas';
import { type ReadContext, readRows } from './readContext';
import { rowFields } from './rowFields';

/** Historial [History]: every change of a document, as an instant and the status before and after. */
export function readHistory(context: ReadContext, byKey: DocumentIndex): HistoryEntry[] {
  const fields = rowFields(context, 'historial');
  return readRows(context, 'historial', (row, rowNumber, problems) => {
    const f = fields(row, rowNumber, problems);
    const type = f.documentType('type');
    const number = f.integer('number');
    const stamp = f.at('timestamp');
    const timestamp = stamp instanceof Date ? (Number.isNaN(stamp.getTime()) ? f.report('timestamp', 'invalidDate') : stamp.toISOString()) : f.required('timestamp');
    const amountCell = f.at('amount');
    const currency = documentOf(byKey, type, number)?.currency ?? context.profile.defaultCurrency;
    const amount = isBlank(amountCell) ? null : (parseAmountCell(amountCell, currency) ?? f.report('amount', 'invalidNumber'));
    if (problems.length > 0) return null;
    return {
      id: f.text('id') || `row-${rowNumber}`,
      timestamp: timestamp!,
      type: type!,
      number: number!,
      previousStatus: f.text('previousStatus'),
      newStatus: f.text('newStatus'),
      amount,
      user: f.text('user'),
      channel: f.text('channel'),
      row: rowNumber,
    } satisfies HistoryEntry;
  });
}
