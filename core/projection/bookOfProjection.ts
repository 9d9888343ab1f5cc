import type { Book, Issuer, Payment } from '../model';
import type { ProjectedBook } from './types';

/**
 * A Book that core's ledger, query and reports read as they read the workbook: what was paid on a
 * document stands as one payment dated the projection's day, which is all the ledger asks of
 * payments as of that day. Lines and history come with each document when it is opened.
 */
export function bookOfProjection(projected: ProjectedBook, issuer: Issuer | null): Book {
  const payments: Payment[] = [];
  projected.documents.forEach((doc, i) => {
    const amount = projected.paid[i]!;
    if (amount !== 0) payments.push({ type: doc.type, number: doc.number, date: projected.asOf, amount, method: '', reference: '', recordedBy: '', row: 0 });
  });
  return { issuer, documents: projected.documents, lines: [], payments, customers: projected.customers, history: [] };
}
