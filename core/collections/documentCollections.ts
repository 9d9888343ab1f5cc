import type { Book, InvoiceView, IsoDate } from '../model';
import type { TaxProfile } from '../tax/taxProfile';
import { type CollectionEntryJson, collectionEntryJson, documentCollectionLog } from './collectionLog';
import { type PayDatePredictor, payDatePredictor } from './predictPayDate';
import { type PromiseView, promiseIndex } from './promiseStatus';
import { settlements } from './settlements';
import type { CollectionEntry } from './types';

export interface DocumentCollections {
  /** The latest promise to pay on the document, with its status as of the date; null when none. */
  readonly promise: PromiseView | null;
  readonly collectionLog: readonly CollectionEntry[];
  /** For an invoice still owed: when it will likely be paid, from the customer's own history. */
  readonly predictedPayDate: IsoDate | null;
}

/** What collections adds to one document's detail, the same in every face. */
export function documentCollections(book: Book, view: InvoiceView, asOf: IsoDate, profile: TaxProfile, predictor?: PayDatePredictor): DocumentCollections {
  const owed = view.kind === 'invoice' && view.paymentStatus !== 'anulada' && view.balance > 0;
  const predict = owed ? (predictor ?? payDatePredictor(settlements(book, profile, view.currency))) : null;
  return {
    promise: promiseIndex(book, asOf).promiseOf(view),
    collectionLog: documentCollectionLog(book, view),
    predictedPayDate: predict ? predict.predict(view.customerTaxId, view.dueDate ?? view.issueDate, asOf) : null,
  };
}

export interface DocumentCollectionsJson {
  readonly promise: { readonly date: IsoDate; readonly amount: number; readonly status: string } | null;
  readonly collectionLog: readonly CollectionEntryJson[];
  readonly predictedPayDate: IsoDate | null;
}

export const documentCollectionsJson = (detail: DocumentCollections): DocumentCollectionsJson => ({
  promise: detail.promise ? { date: detail.promise.date, amount: detail.promise.amount, status: detail.promise.status } : null,
  collectionLog: detail.collectionLog.map(collectionEntryJson),
  predictedPayDate: detail.predictedPayDate,
});
