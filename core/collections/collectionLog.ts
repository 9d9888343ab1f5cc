import type { Book, DocumentKey } from '../model';
import { COLLECTION_ACTION_EN } from './collectionActions';
import type { CollectionEntry } from './types';

const inOrder = (a: CollectionEntry, b: CollectionEntry): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row);

/** A document's Gestiones entries, oldest first. */
export const documentCollectionLog = (book: Book, key: DocumentKey): CollectionEntry[] =>
  (book.collections ?? []).filter((e) => e.document !== null && e.document.type === key.type && e.document.number === key.number).sort(inOrder);

/** Everything logged about a customer, its documents' entries included, oldest first. */
export const customerCollectionLog = (book: Book, taxId: string): CollectionEntry[] => (book.collections ?? []).filter((e) => e.customerTaxId === taxId).sort(inOrder);

export interface CollectionEntryJson {
  readonly id: string;
  readonly date: string;
  readonly timestamp: string;
  readonly action: string;
  readonly type: number | null;
  readonly number: number | null;
  readonly promisedDate: string | null;
  readonly promisedAmount: number | null;
  readonly note: string;
  readonly user: string;
  readonly channel: string;
}

export const collectionEntryJson = (entry: CollectionEntry): CollectionEntryJson => ({
  id: entry.id,
  date: entry.date,
  timestamp: entry.timestamp,
  action: COLLECTION_ACTION_EN[entry.action],
  type: entry.document?.type ?? null,
  number: entry.document?.number ?? null,
  promisedDate: entry.promisedDate,
  promisedAmount: entry.promisedAmount,
  note: entry.note,
  user: entry.user,
  channel: entry.channel,
});
