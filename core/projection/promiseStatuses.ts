import type { PromiseStatus } from '../collections/types';
import { promiseIndex } from '../collections/promiseStatus';
import type { Book, IsoDate } from '../model';

/**
 * The status of each document's latest promise to pay as of a day, by document key, for the
 * documents that have one: what the sidebar's `promesa:` filter reads, since the projection
 * carries no Gestiones. With `only`, those keys alone, null where a document has no promise.
 */
export function promiseStatuses(book: Book, asOf: IsoDate): Record<string, PromiseStatus>;
export function promiseStatuses(book: Book, asOf: IsoDate, only: readonly string[]): Record<string, PromiseStatus | null>;
export function promiseStatuses(book: Book, asOf: IsoDate, only?: readonly string[]): Record<string, PromiseStatus | null> {
  const { all } = promiseIndex(book, asOf);
  if (only) return Object.fromEntries(only.map((key) => [key, all.get(key)?.status ?? null]));
  return Object.fromEntries([...all].map(([key, view]) => [key, view.status]));
}
