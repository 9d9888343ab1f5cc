import type { InvoiceView } from '../model';
import type { CellUpdate } from '../workbook/changes';
import type { TabLayout } from '../workbook/readWorkbook';
import { PAYMENT_STATUS_LABELS } from '../workbook/choices';
import { toMajorUnits } from '../money/toMajorUnits';

/** Refreshes Pagado, Saldo and Estado de pago on the document's row, where the sheet shows them. */
export function derivedCellUpdates(layout: TabLayout, view: Pick<InvoiceView, 'row' | 'paid' | 'balance' | 'paymentStatus' | 'currency'>): CellUpdate[] {
  const values: Record<string, string | number> = {
    paid: toMajorUnits(view.paid, view.currency),
    balance: toMajorUnits(view.balance, view.currency),
    paymentStatus: PAYMENT_STATUS_LABELS[view.paymentStatus].es,
  };
  const updates: CellUpdate[] = [];
  for (const [key, value] of Object.entries(values)) {
    const column = layout.columns[key];
    if (column !== undefined) updates.push({ tab: 'facturas', row: view.row, column, value });
  }
  return updates;
}
