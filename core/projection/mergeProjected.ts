import { documentKey } from '../model';
import type { ProjectedBook } from './types';

/**
 * The book after a change, from the book before it and the documents the change answered with:
 * each changed document replaces the one with its key where it stood, a new one goes at the end.
 * The customers stay as loaded: no sidebar change touches Clientes.
 */
export function mergeProjected(base: ProjectedBook, changed: ProjectedBook): ProjectedBook {
  if (changed.documents.length === 0) return base;
  const replacements = new Map<string, number>();
  changed.documents.forEach((doc, i) => replacements.set(documentKey(doc), i));
  const documents = [...base.documents];
  const paid = [...base.paid];
  documents.forEach((doc, i) => {
    const j = replacements.get(documentKey(doc));
    if (j === undefined) return;
    documents[i] = changed.documents[j]!;
    paid[i] = changed.paid[j]!;
    replacements.delete(documentKey(doc));
  });
  for (const j of replacements.values()) {
    documents.push(changed.documents[j]!);
    paid.push(changed.paid[j]!);
  }
  return { asOf: base.asOf, documents, paid, customers: base.customers };
}
