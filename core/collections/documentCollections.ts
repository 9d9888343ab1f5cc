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

/**
 * What collections adds to each of some documents' details, the same in every face. The promise
 * index and each currency's pay-date predictor read the whole book, so they are built once for all.
 */
export function documentsCollections(book: Book, views: readonly InvoiceView[], asOf: IsoDate, profile: TaxProfile): DocumentCollections[] {
  const promises = promiseIndex(book, asOf);
  const predictors = new Map<string, PayDatePredictor>();
  const predictorFor = (currency: string): PayDatePredictor => {
    let predictor = predictors.get(currency);
    if (!predictor) predictors.set(currency, (predictor = payDatePredictor(settlements(book, profile, currency))));
    return predictor;
  };
  return views.map((view) => {
    const owed = view.kind === 'invoice' && view.paymentStatus !== 'anulada' && view.balance > 0;
    return {
      promise: promises.promiseOf(view),
      collectionLog: documentCollectionLog(book, view),
      predictedPayDate: owed ? predictorFor(view.currency).predict(view.customerTaxId, view.dueDate ?? view.issueDate, asOf) : null,
    };
  });
}

/** What collections adds to one document's detail. */
export const documentCollections = (book: Book, view: InvoiceView, asOf: IsoDate, profile: TaxProfile): DocumentCollections => documentsCollections(book, [view], asOf, profile)[0]!;

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
