import type { InvoiceDocument } from '../model';
import type { Ledger } from '../ledger/buildLedger';
import type { CellUpdate } from '../workbook/changes';
import type { TabLayout } from '../workbook/readWorkbook';
import { derivedCellUpdates } from '../payments/derivedCellUpdates';

/**
 * Pagado, Saldo and Estado de pago of the documents an import touches, as the ledger after it
 * shows them. The one place the import asks for derived cells, so core's shared refresh can replace it.
 */
export function refreshDerivedCells(layout: TabLayout, ledger: Ledger, documents: readonly InvoiceDocument[]): CellUpdate[] {
  const seen = new Set<string>();
  const updates: CellUpdate[] = [];
  for (const doc of documents) {
    const key = `${doc.type}-${doc.number}`;
    const view = ledger.byKey(doc.type, doc.number);
    if (seen.has(key) || !view) continue;
    seen.add(key);
    updates.push(...derivedCellUpdates(layout, view));
  }
  return updates;
}
