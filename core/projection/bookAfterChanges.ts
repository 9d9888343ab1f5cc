import { type Book, documentKey } from '../model';
import type { PlannedChanges } from './plannedChanges';

/**
 * The book as the next full read will see it after a plan, from the read before it and what the
 * plan changes (plannedChanges): the changed rows replace theirs, the appended payments, Historial
 * and Gestiones lines are added. Cheaper than reading every tab again, for what is derived from
 * the whole book (a held document's collections section, whose pay-date prediction reads every payment).
 */
export function bookAfterChanges(book: Book, changed: PlannedChanges): Book {
  const rows = new Map(changed.documents.map(({ paid: _paid, ...doc }) => [documentKey(doc), doc]));
  const documents = book.documents.map((doc) => rows.get(documentKey(doc)) ?? doc);
  const known = new Set(book.documents.map(documentKey));
  for (const [key, doc] of rows) if (!known.has(key)) documents.push(doc);
  return {
    ...book,
    documents,
    payments: [...book.payments, ...changed.payments],
    history: [...book.history, ...changed.history],
    ...(book.collections || changed.collections.length > 0 ? { collections: [...(book.collections ?? []), ...changed.collections] } : {}),
  };
}
