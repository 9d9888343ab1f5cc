import type { Book, InvoiceDocument, IsoDate, Minor } from '../model';
import { documentKey } from '../model';
import { buildLedger } from '../ledger/buildLedger';
import { type AgingAmounts, agingReport } from '../reports/agingReport';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import { customerCollectionLog } from './collectionLog';
import type { CollectionEntry } from './types';

export type MovementKind = 'invoice' | 'debit-note' | 'credit-note' | 'payment';

export interface StatementMovement {
  readonly date: IsoDate;
  readonly kind: MovementKind;
  /** The document issued, or the one a payment was made on. */
  readonly type: number;
  readonly number: number;
  /** What it adds to what the customer owes: invoices and debit notes positive, credit notes and payments negative. */
  readonly amount: Minor;
  /** What the customer owes after this movement. */
  readonly balance: Minor;
  /** Payment method and reference, for payments. */
  readonly detail: string;
}

export interface CustomerStatement {
  readonly customerTaxId: string;
  readonly customerName: string;
  readonly currency: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** What was owed at the end of the day before `from`. */
  readonly openingBalance: Minor;
  readonly closingBalance: Minor;
  readonly movements: readonly StatementMovement[];
  /** This customer's row of the ageing report as of `to`. */
  readonly aging: AgingAmounts & { readonly overdue: Minor };
  /** Gestiones entries about the customer dated from `from` to `to`. */
  readonly collectionLog: readonly CollectionEntry[];
}

export interface StatementRequest {
  readonly customerTaxId: string;
  readonly to: IsoDate;
  /** Default: the issue date of the oldest document still owed at `to`, so every open item is shown; the 1st of `to`'s month when nothing is. */
  readonly from?: IsoDate;
  readonly currency?: string;
}

const KIND_ORDER: Readonly<Record<MovementKind, number>> = { invoice: 0, 'debit-note': 1, 'credit-note': 2, payment: 3 };

/**
 * The estado de cuenta: every movement of one customer in date order with its running balance.
 * Void documents are left out, and so are the notes and payments on them, so the closing balance
 * is exactly the sum of the customer's balances in the ledger as of `to`.
 */
export function customerStatement(book: Book, profile: TaxProfile, request: StatementRequest): CustomerStatement {
  const currency = request.currency ?? profile.defaultCurrency;
  const { to, customerTaxId } = request;
  const byKey = new Map<string, InvoiceDocument>();
  for (const doc of book.documents) if (!byKey.has(documentKey(doc))) byKey.set(documentKey(doc), doc);
  /** The document whose balance a note or payment moves. */
  const targetOf = (doc: InvoiceDocument): InvoiceDocument => (doc.reference ? (byKey.get(documentKey(doc.reference)) ?? doc) : doc);
  const counts = (doc: InvoiceDocument): boolean => {
    const target = targetOf(doc);
    return doc.state !== 'anulada' && target.state !== 'anulada' && target.customerTaxId === customerTaxId && doc.currency === currency;
  };

  const all: Omit<StatementMovement, 'balance'>[] = [];
  for (const doc of book.documents) {
    if (doc.issueDate > to || !counts(doc)) continue;
    const kind = documentTypeRule(profile, doc.type)?.kind ?? 'invoice';
    all.push({ date: doc.issueDate, kind, type: doc.type, number: doc.number, amount: kind === 'credit-note' ? -doc.total : doc.total, detail: '' });
  }
  for (const payment of book.payments) {
    const doc = byKey.get(documentKey(payment));
    if (!doc || payment.date > to || !counts(doc)) continue;
    all.push({ date: payment.date, kind: 'payment', type: payment.type, number: payment.number, amount: -payment.amount, detail: [payment.method, payment.reference].filter(Boolean).join(' ') });
  }
  all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.type - b.type || a.number - b.number));

  const ledger = buildLedger(book, to, profile);
  const aging = agingReport(ledger, profile, currency).customers.find((c) => c.customerTaxId === customerTaxId);
  const from = request.from ?? defaultFrom(aging?.documents.map((d) => d.issueDate) ?? [], to);

  let openingBalance = 0;
  const movements: StatementMovement[] = [];
  let running = 0;
  for (const movement of all) {
    running += movement.amount;
    if (movement.date < from) openingBalance = running;
    else movements.push({ ...movement, balance: running });
  }
  const customerName = book.customers.find((c) => c.taxId === customerTaxId)?.name ?? [...book.documents].reverse().find((d) => d.customerTaxId === customerTaxId)?.customerName ?? '';
  const emptyAging = { notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0, overdue: 0 };
  return {
    customerTaxId,
    customerName,
    currency,
    from,
    to,
    openingBalance,
    closingBalance: running,
    movements,
    aging: aging
      ? { notDue: aging.notDue, days1to30: aging.days1to30, days31to60: aging.days31to60, days61to90: aging.days61to90, over90: aging.over90, total: aging.total, overdue: aging.overdue }
      : emptyAging,
    collectionLog: customerCollectionLog(book, customerTaxId).filter((e) => e.date >= from && e.date <= to),
  };
}

function defaultFrom(openIssueDates: readonly IsoDate[], to: IsoDate): IsoDate {
  const oldest = openIssueDates.reduce<IsoDate | null>((min, date) => (min === null || date < min ? date : min), null);
  return oldest ?? `${to.slice(0, 7)}-01`;
}
