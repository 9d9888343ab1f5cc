import type { Book, Customer, DocumentKey, HistoryEntry, InvoiceDocument, InvoiceLine, InvoiceView, Payment } from '../model';

/**
 * What the sidebar fetches when a document is opened: its whole row (with Email, Ref. origen and
 * Notas, which the projection leaves out), its lines, payments and history, and its customer.
 * `sections` is where other parts of the sidebar add what they show of one document (the
 * collections log), each under its own name.
 */
export interface DocumentDetail {
  readonly document: InvoiceDocument;
  readonly lines: readonly InvoiceLine[];
  readonly payments: readonly Payment[];
  readonly history: readonly HistoryEntry[];
  readonly customer: Customer | null;
  readonly sections: Readonly<Record<string, unknown>>;
}

const sameKey = (a: DocumentKey, b: DocumentKey): boolean => a.type === b.type && a.number === b.number;

/** The detail of one document of the book; null when the book has no such document. */
export function documentDetail(book: Book, key: DocumentKey): DocumentDetail | null {
  const document = book.documents.find((doc) => sameKey(doc, key));
  if (!document) return null;
  return {
    document,
    lines: book.lines.filter((line) => sameKey(line, key)),
    payments: book.payments.filter((payment) => sameKey(payment, key)),
    history: book.history.filter((entry) => sameKey(entry, key)),
    customer: book.customers.find((customer) => customer.taxId === document.customerTaxId) ?? null,
    sections: {},
  };
}

/** A detail after a change: the document's new row where the change answered with one, its new payments and Historial entries added. */
export function mergeDetail(
  detail: DocumentDetail,
  changed: { readonly documents: readonly InvoiceDocument[]; readonly payments: readonly Payment[]; readonly history: readonly HistoryEntry[] },
): DocumentDetail {
  const key = detail.document;
  const row = changed.documents.find((doc) => sameKey(doc, key));
  // The projection leaves out Email, Ref. origen and Notas: those stay as the opened row had them.
  const document = row ? { ...row, email: detail.document.email, originRef: detail.document.originRef, notes: detail.document.notes } : detail.document;
  return {
    ...detail,
    document,
    payments: [...detail.payments, ...changed.payments.filter((payment) => sameKey(payment, key))],
    history: [...detail.history, ...changed.history.filter((entry) => sameKey(entry, key))],
  };
}

/** The ledger's view of an opened document with the fields only the detail carries. */
export const viewWithDetail = (view: InvoiceView, detail: DocumentDetail): InvoiceView => ({
  ...view,
  email: detail.document.email,
  originRef: detail.document.originRef,
  notes: detail.document.notes,
});

/** The book an opened document's PDF is made from: that document's lines, payments, history and customer. */
export const detailBook = (detail: DocumentDetail, issuer: Book['issuer']): Book => ({
  issuer,
  documents: [detail.document],
  lines: detail.lines,
  payments: detail.payments,
  customers: detail.customer ? [detail.customer] : [],
  history: detail.history,
});
