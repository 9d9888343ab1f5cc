import type { Book, DocumentKey, IsoDate, Minor, Payment } from '../model';
import { documentKey } from '../model';
import type { CollectionEntry, PromiseStatus } from './types';

export interface PromiseView {
  /** The Gestiones row's business day: payments count from here. */
  readonly madeOn: IsoDate;
  readonly date: IsoDate;
  readonly amount: Minor;
  readonly status: PromiseStatus;
  /** Paid from `madeOn` up to `date` (and the as-of date). */
  readonly paidTowards: Minor;
  readonly id: string;
}

/**
 * `kept` once payments dated from the promise's Fecha up to its Fecha compromiso (and known by
 * the as-of date) add up to the promised amount; `broken` when that date is before the as-of
 * date without it; else `open`.
 */
export function promiseStatusAsOf(promise: CollectionEntry, payments: readonly Payment[], asOf: IsoDate): PromiseView {
  const until = promise.promisedDate! < asOf ? promise.promisedDate! : asOf;
  let paidTowards = 0;
  for (const payment of payments) {
    if (payment.date >= promise.date && payment.date <= until) paidTowards += payment.amount;
  }
  const amount = promise.promisedAmount!;
  const status: PromiseStatus = paidTowards >= amount ? 'kept' : promise.promisedDate! < asOf ? 'broken' : 'open';
  return { id: promise.id, madeOn: promise.date, date: promise.promisedDate!, amount, status, paidTowards };
}

export interface PromiseIndex {
  /** The document's latest promise made on or before the as-of date, with its status; null when none. */
  promiseOf(key: DocumentKey): PromiseView | null;
  /** Every document's latest promise, keyed `33-1023`. */
  readonly all: ReadonlyMap<string, PromiseView>;
}

const latestFirst = (a: CollectionEntry, b: CollectionEntry): number => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.row - a.row);

/** A newer promise on the same document replaces the earlier one, as a renegotiation does. */
export function promiseIndex(book: Book, asOf: IsoDate): PromiseIndex {
  const latest = new Map<string, CollectionEntry>();
  for (const entry of book.collections ?? []) {
    if (entry.action !== 'promesa' || !entry.document || entry.date > asOf) continue;
    const key = documentKey(entry.document);
    const current = latest.get(key);
    if (!current || latestFirst(entry, current) < 0) latest.set(key, entry);
  }
  const paymentsByKey = new Map<string, Payment[]>();
  if (latest.size > 0) {
    for (const payment of book.payments) {
      const key = documentKey(payment);
      if (!latest.has(key)) continue;
      const list = paymentsByKey.get(key);
      if (list) list.push(payment);
      else paymentsByKey.set(key, [payment]);
    }
  }
  const all = new Map<string, PromiseView>();
  for (const [key, entry] of latest) all.set(key, promiseStatusAsOf(entry, paymentsByKey.get(key) ?? [], asOf));
  return { all, promiseOf: (key) => all.get(documentKey(key)) ?? null };
}
