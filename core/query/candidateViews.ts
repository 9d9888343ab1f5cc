import type { InvoiceView } from '../model';
import { type QueryColumns, candidateIndices, queryColumns } from './queryColumns';
import type { Query } from './types';

interface Seen {
  searches: number;
  columns: QueryColumns | null;
}

// Per views array (a ledger never changes once built), so a face that keeps its ledger gets columns once.
const seen = new WeakMap<readonly InvoiceView[], Seen>();

/**
 * The views worth running `query`'s matcher on: all of them, or fewer when query columns
 * can rule most out. Columns are built on the second search of the same views: a face that
 * builds a ledger for one search (an Apps Script call) never pays for them, one that keeps
 * its ledger (the bot, `facturas serve`) searches columns from then on.
 */
export function candidateViews(views: readonly InvoiceView[], query: Query): readonly InvoiceView[] {
  if (query.words.length === 0 && query.filters.length === 0) return views;
  let entry = seen.get(views);
  if (!entry) {
    entry = { searches: 0, columns: null };
    seen.set(views, entry);
  }
  entry.searches++;
  if (entry.searches < 2) return views;
  entry.columns ??= queryColumns(views);
  const indices = candidateIndices(entry.columns, query);
  if (indices === null) return views;
  const candidates = new Array<InvoiceView>(indices.length);
  for (let k = 0; k < indices.length; k++) candidates[k] = views[indices[k]!]!;
  return candidates;
}
