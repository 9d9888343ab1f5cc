import type { InvoiceView, PaymentStatus } from '../model';
import { PAYMENT_STATUSES } from '../model';
import { compareCustomerNames } from './customerNameInSearchText';
import type { SortField, SortKey } from './types';

export type ViewComparator = (a: InvoiceView, b: InvoiceView) => number;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const STATUS_RANK = Object.fromEntries(PAYMENT_STATUSES.map((status, index) => [status, index])) as Record<PaymentStatus, number>;

const ASCENDING: Readonly<Record<SortField, ViewComparator>> = {
  fecha: (a, b) => byText(a.issueDate, b.issueDate),
  vencimiento: (a, b) => byText(a.dueDate ?? a.issueDate, b.dueDate ?? b.issueDate),
  folio: (a, b) => a.number - b.number,
  tipo: (a, b) => a.type - b.type,
  cliente: (a, b) => compareCustomerNames(a.searchText, b.searchText),
  total: (a, b) => a.total - b.total,
  saldo: (a, b) => a.balance - b.balance,
  estado: (a, b) => STATUS_RANK[a.paymentStatus] - STATUS_RANK[b.paymentStatus],
  dias: (a, b) => a.daysOverdue - b.daysOverdue,
};

const DEFAULT_SORT: readonly SortKey[] = [{ field: 'fecha', descending: true }];

// Type, folio and sheet row settle every tie, so the order never depends on the algorithm.
const TIE_BREAK: ViewComparator = (a, b) => a.type - b.type || a.number - b.number || a.row - b.row;

const chain =
  (first: ViewComparator, then: ViewComparator): ViewComparator =>
  (a, b) =>
    first(a, b) || then(a, b);

/** Total order for the requested keys; no keys means newest issue date first. */
export function viewComparator(sort: readonly SortKey[]): ViewComparator {
  const keys = sort.length > 0 ? sort : DEFAULT_SORT;
  let compare = TIE_BREAK;
  for (let i = keys.length - 1; i >= 0; i--) {
    const { field, descending } = keys[i]!;
    const ascending = ASCENDING[field];
    compare = chain(descending ? (a, b) => ascending(b, a) : ascending, compare);
  }
  return compare;
}
