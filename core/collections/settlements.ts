import type { Book, InvoiceDocument, IsoDate } from '../model';
import { documentKey } from '../model';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';

export interface Settlement {
  readonly document: InvoiceDocument;
  /** Due date, or the issue date when the sheet has none. */
  readonly dueDate: IsoDate;
  /** The day payments and notes first brought the balance to zero; null while something is owed. */
  readonly settledOn: IsoDate | null;
}

/**
 * When each non-void invoice was paid off: its payments and notes (credit notes subtract,
 * debit notes add) taken in date order until the balance reaches zero. The basis of days to
 * pay and of the predicted pay date.
 */
export function settlements(book: Book, profile: TaxProfile, currency: string = profile.defaultCurrency): Settlement[] {
  const invoices = new Map<string, InvoiceDocument>();
  for (const doc of book.documents) {
    if (doc.state === 'anulada' || doc.currency !== currency || documentTypeRule(profile, doc.type)?.kind !== 'invoice') continue;
    const key = documentKey(doc);
    if (!invoices.has(key)) invoices.set(key, doc);
  }
  const movements = new Map<string, { date: IsoDate; amount: number }[]>();
  const add = (key: string, date: IsoDate, amount: number): void => {
    const list = movements.get(key);
    if (list) list.push({ date, amount });
    else movements.set(key, [{ date, amount }]);
  };
  for (const payment of book.payments) {
    const key = documentKey(payment);
    if (invoices.has(key)) add(key, payment.date, payment.amount);
  }
  for (const doc of book.documents) {
    if (!doc.reference || doc.state === 'anulada') continue;
    const key = documentKey(doc.reference);
    const kind = documentTypeRule(profile, doc.type)?.kind;
    if (invoices.has(key)) add(key, doc.issueDate, kind === 'credit-note' ? doc.total : kind === 'debit-note' ? -doc.total : 0);
  }
  const out: Settlement[] = [];
  for (const [key, doc] of invoices) {
    const list = (movements.get(key) ?? []).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let owed = doc.total;
    let settledOn: IsoDate | null = owed <= 0 ? doc.issueDate : null;
    for (const movement of list) {
      if (settledOn !== null) break;
      owed -= movement.amount;
      if (owed <= 0) settledOn = movement.date;
    }
    out.push({ document: doc, dueDate: doc.dueDate ?? doc.issueDate, settledOn });
  }
  return out;
}
