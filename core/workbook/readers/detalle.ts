import type { InvoiceLine } from '../../model';
import { isBlank, parseDecimalCell, parseYesNoCell } from '../cells';
import { allowedChoices } from '../choices';
import { type DocumentIndex, documentOf } from './facturas';
import { type ReadContext, readRows } from './readContext';
import { rowFields } from './rowFields';

/** Detalle [Lines]: the lines of each document, priced in that document's currency. */
export function readLines(context: ReadContext, byKey: DocumentIndex): InvoiceLine[] {
  const fields = rowFields(context, 'detalle');
  return readRows(context, 'detalle', (row, rowNumber, problems) => {
    const f = fields(row, rowNumber, problems);
    const type = f.documentType('type');
    const number = f.integer('number');
    const description = f.required('description');
    const quantity = isBlank(f.at('quantity')) ? f.report('quantity', 'required') : (parseDecimalCell(f.at('quantity')) ?? f.report('quantity', 'invalidNumber'));
    const doc = documentOf(byKey, type, number);
    const unitPrice = f.amount('unitPrice', doc?.currency ?? context.profile.defaultCurrency);
    const discount = isBlank(f.at('discount')) ? 0 : parseDecimalCell(f.at('discount'));
    if (discount === null || discount < 0 || discount > 100) f.report('discount', 'invalidNumber');
    const exempt = parseYesNoCell(f.at('exempt')) ?? f.report('exempt', 'invalidChoice', { choice: 'yesNo', allowed: allowedChoices('yesNo', 'es') });
    if (type !== null && number !== null && !doc) f.report('number', 'unknownReference');
    if (problems.length > 0) return null;
    return {
      type: type!,
      number: number!,
      description: description!,
      quantityMilli: Math.round(quantity! * 1000),
      unitPrice: unitPrice!,
      discountBasisPoints: Math.round(discount! * 100),
      exempt: exempt!,
      row: rowNumber,
    } satisfies InvoiceLine;
  });
}
