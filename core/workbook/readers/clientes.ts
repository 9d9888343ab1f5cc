import type { Customer } from '../../model';
import { type ReadContext, readRows } from './readContext';
import { rowFields } from './rowFields';
import { isBlank, parseYesNoCell } from '../cells';

/** Clientes [Customers]: one customer per RUT. */
export function readCustomers(context: ReadContext): Customer[] {
  const fields = rowFields(context, 'clientes');
  return readRows(context, 'clientes', (row, rowNumber, problems) => {
    const f = fields(row, rowNumber, problems);
    const taxId = f.taxId('taxId');
    const name = f.required('name');
    const kind = f.choice('kind', 'customerKind', null);
    // Blank means yes: only an explicit `no` stops reminders.
    const reminders = isBlank(f.at('reminders')) ? undefined : (parseYesNoCell(f.at('reminders')) ?? f.report('reminders', 'invalidChoice', { allowed: 'sí, no' }));
    if (problems.length > 0) return null;
    return {
      ...(reminders === undefined ? {} : { reminders: reminders! }),
      taxId: taxId!,
      name: name!,
      kind: kind ?? null,
      businessActivity: f.text('businessActivity'),
      region: f.text('region'),
      commune: f.text('commune'),
      email: f.text('email'),
      phone: f.text('phone'),
      tags: f
        .text('tags')
        .split(/[,;]/)
        .map((t) => t.trim())
        .filter(Boolean),
      row: rowNumber,
    } satisfies Customer;
  });
}
