import type { DocumentKey, InvoiceView } from '../model';
import { documentKey } from '../model';
import type { Ledger } from '../ledger/buildLedger';
import type { CellUpdate } from '../workbook/changes';
import type { TabLayout } from '../workbook/readWorkbook';
import { derivedCellUpdates } from './derivedCellUpdates';

const samePosition = (a: InvoiceView | undefined, b: InvoiceView): boolean => a !== undefined && a.paid === b.paid && a.balance === b.balance && a.paymentStatus === b.paymentStatus;

/**
 * The one rule for Pagado, Saldo and Estado de pago after any write (pay, void, a manual Estado
 * edit, an import): the changed documents themselves, plus every document whose position moved
 * with them — the document a note amends, and the other notes on it, which show its status.
 * `before` and `after` are the ledgers of the book before and after the change, as of the same date.
 */
export function refreshDerivedCells(layout: TabLayout, before: Ledger, after: Ledger, changed: readonly DocumentKey[]): CellUpdate[] {
  const changedKeys = new Set(changed.map(documentKey));
  const families = new Set<string>();
  for (const key of changed) {
    const view = after.byKey(key.type, key.number) ?? before.byKey(key.type, key.number);
    if (!view) continue;
    families.add(documentKey(view.reference ?? view));
    // A note whose reference moved: the document it used to amend moves too.
    const previous = before.byKey(key.type, key.number)?.reference;
    if (previous) families.add(documentKey(previous));
  }
  const updates: CellUpdate[] = [];
  for (const view of after.views) {
    const key = documentKey(view);
    const family = documentKey(view.reference ?? view);
    if (changedKeys.has(key) || (families.has(family) && !samePosition(before.byKey(view.type, view.number), view))) {
      updates.push(...derivedCellUpdates(layout, view));
    }
  }
  return updates;
}
