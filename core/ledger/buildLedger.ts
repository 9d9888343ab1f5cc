import type { Book, DocumentKey, InvoiceDocument, InvoiceView, IsoDate } from '../model';
import type { PromiseStatus } from '../collections/types';
import { promiseIndex, type PromiseIndex } from '../collections/promiseStatus';
import { type DocumentKind, type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import { adjustmentSign } from '../tax/totalSign';
import { daysBetween } from '../dates/isoDate';
import { normalizeText } from '../text/normalizeText';
import { paymentStatusAsOf } from './paymentStatusAsOf';
import { DocumentMap } from './documentMap';

export interface Ledger {
  readonly asOf: IsoDate;
  /** In sheet order. */
  readonly views: readonly InvoiceView[];
  byKey(type: number, number: number): InvoiceView | undefined;
  /** The status of a document's latest promise to pay (Gestiones) as of `asOf`; worked out on first use. */
  readonly promiseStatusOf?: (key: DocumentKey) => PromiseStatus | null;
}

/**
 * Every document with its payment position as of a date. A note (56/61) folds into the
 * document it amends: that document's balance moves, and the note shows the same status
 * with no balance of its own, so nothing is owed twice.
 */
export function buildLedger(book: Book, asOf: IsoDate, profile: TaxProfile): Ledger {
  let byDate = built.get(book);
  if (!byDate) built.set(book, (byDate = new Map()));
  const cached = byDate.get(asOf);
  if (cached?.profile === profile) return cached.ledger;
  const ledger = computeLedger(book, asOf, profile);
  byDate.set(asOf, { profile, ledger });
  return ledger;
}

// A book is never changed once read, so its ledger as of a date is built once: a face that
// answers many requests from one cached read (the bot) no longer rebuilds 100k views for each.
const built = new WeakMap<Book, Map<IsoDate, { profile: TaxProfile; ledger: Ledger }>>();

function computeLedger(book: Book, asOf: IsoDate, profile: TaxProfile): Ledger {
  const docs = new DocumentMap<InvoiceDocument>();
  for (const doc of book.documents) docs.set(doc.type, doc.number, doc);

  /** The document whose balance a document moves: the one a note amends, when it is in the book; else itself. */
  const targetOf = (doc: InvoiceDocument): DocumentKey => (doc.reference && docs.has(doc.reference.type, doc.reference.number) ? doc.reference : doc);

  const paid = new DocumentMap<number>();
  for (const payment of book.payments) {
    if (payment.date > asOf) continue;
    const doc = docs.get(payment.type, payment.number);
    if (!doc) continue;
    const target = targetOf(doc);
    paid.set(target.type, target.number, (paid.get(target.type, target.number) ?? 0) + payment.amount);
  }
  const adjustments = new DocumentMap<number>();
  for (const doc of book.documents) {
    if (!doc.reference || doc.state === 'anulada' || doc.issueDate > asOf) continue;
    const kind = documentTypeRule(profile, doc.type)?.kind;
    const sign = kind === undefined ? 0 : adjustmentSign(kind);
    const target = targetOf(doc);
    adjustments.set(target.type, target.number, (adjustments.get(target.type, target.number) ?? 0) + sign * doc.total);
  }

  const tagsByTaxId = new Map<string, readonly string[]>();
  for (const customer of book.customers) tagsByTaxId.set(customer.taxId, customer.tags);

  // A customer's name and RUT recur on all its documents: folded once per customer.
  const foldedCustomers = new Map<string, Map<string, string>>();
  const foldedCustomer = (name: string, taxId: string): string => {
    let byTaxId = foldedCustomers.get(name);
    if (!byTaxId) foldedCustomers.set(name, (byTaxId = new Map()));
    let folded = byTaxId.get(taxId);
    if (folded === undefined) {
      folded = normalizeText(`${name} ${profile.compactTaxId(taxId)}`);
      byTaxId.set(taxId, folded);
    }
    return folded;
  };
  // Same text as normalizeText(`<type>-<number> <number> <name> <rut digits>`): the folio part has nothing to fold.
  const searchTextOf = (doc: InvoiceDocument): string => `${doc.type}-${doc.number} ${doc.number} ${foldedCustomer(doc.customerName, doc.customerTaxId)}`;

  const kindOf = (doc: InvoiceDocument): DocumentKind => documentTypeRule(profile, doc.type)?.kind ?? 'invoice';

  const own = new DocumentMap<InvoiceView>();
  const viewOf = (doc: InvoiceDocument): InvoiceView => {
    const dueDate = doc.dueDate ?? doc.issueDate;
    const docPaid = paid.get(doc.type, doc.number) ?? 0;
    const docAdjustments = adjustments.get(doc.type, doc.number) ?? 0;
    const { status, balance } = paymentStatusAsOf({ total: doc.total, paid: docPaid, adjustments: docAdjustments, dueDate, void: doc.state === 'anulada' }, asOf);
    return invoiceView(doc, {
      kind: kindOf(doc),
      paid: docPaid,
      adjustments: docAdjustments,
      balance,
      paymentStatus: status,
      daysOverdue: status === 'anulada' || status === 'pagada' ? 0 : daysBetween(dueDate, asOf),
      customerTags: tagsByTaxId.get(doc.customerTaxId) ?? [],
      searchText: searchTextOf(doc),
    });
  };
  for (const doc of book.documents) {
    if (!doc.reference) own.set(doc.type, doc.number, viewOf(doc));
  }

  const views = book.documents.map((doc) => {
    const existing = own.get(doc.type, doc.number);
    if (existing) return existing;
    const target = targetOf(doc);
    const targetView = own.get(target.type, target.number);
    const view = invoiceView(doc, {
      kind: kindOf(doc),
      paid: 0,
      adjustments: 0,
      balance: 0,
      paymentStatus: doc.state === 'anulada' ? 'anulada' : (targetView?.paymentStatus ?? 'pagada'),
      daysOverdue: 0,
      customerTags: tagsByTaxId.get(doc.customerTaxId) ?? [],
      searchText: searchTextOf(doc),
    });
    own.set(doc.type, doc.number, view);
    return view;
  });

  let promises: PromiseIndex | undefined;
  const promiseStatusOf = (key: DocumentKey): PromiseStatus | null => (promises ??= promiseIndex(book, asOf)).promiseOf(key)?.status ?? null;
  return { asOf, views, byKey: (type, number) => own.get(type, number), promiseStatusOf };
}

type Position = Pick<InvoiceView, 'kind' | 'paid' | 'adjustments' | 'balance' | 'paymentStatus' | 'daysOverdue' | 'customerTags' | 'searchText'>;

/**
 * Every field written out in one literal, so all views share one hidden class. Built with
 * object spread, V8 gave each view a map of its own: every property read went megamorphic
 * and a 100k-document ledger took seconds to build and tens of milliseconds to scan.
 */
const invoiceView = (doc: InvoiceDocument, position: Position): InvoiceView => ({
  type: doc.type,
  number: doc.number,
  issueDate: doc.issueDate,
  dueDate: doc.dueDate,
  customerTaxId: doc.customerTaxId,
  customerName: doc.customerName,
  email: doc.email,
  origin: doc.origin,
  originRef: doc.originRef,
  net: doc.net,
  exempt: doc.exempt,
  tax: doc.tax,
  otherTaxes: doc.otherTaxes,
  total: doc.total,
  currency: doc.currency,
  state: doc.state,
  reference: doc.reference,
  notes: doc.notes,
  row: doc.row,
  kind: position.kind,
  paid: position.paid,
  adjustments: position.adjustments,
  balance: position.balance,
  paymentStatus: position.paymentStatus,
  daysOverdue: position.daysOverdue,
  customerTags: position.customerTags,
  searchText: position.searchText,
});
