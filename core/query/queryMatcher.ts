import type { InvoiceView } from '../model';
import { currencyScale } from '../money/money';
import { normalizeText } from '../text/normalizeText';
import { customerNameIncludes } from './customerNameInSearchText';
import type { Comparison, Filter, Query } from './types';
import type { PromiseStatus } from '../collections/types';

/** The status of a document's latest promise to pay, or null; from the ledger's book. */
export type PromiseLookup = (view: InvoiceView) => PromiseStatus | null;

type Predicate = (view: InvoiceView) => boolean;

// Views of one customer share one tags array, so folding is done once per customer.
const foldedTagsCache = new WeakMap<readonly string[], readonly string[]>();
function foldedTags(tags: readonly string[]): readonly string[] {
  let folded = foldedTagsCache.get(tags);
  if (!folded) {
    folded = tags.map(normalizeText);
    foldedTagsCache.set(tags, folded);
  }
  return folded;
}

const COMPARE: Readonly<Record<Comparison, (amount: number, limit: number) => boolean>> = {
  '>': (amount, limit) => amount > limit,
  '>=': (amount, limit) => amount >= limit,
  '<': (amount, limit) => amount < limit,
  '<=': (amount, limit) => amount <= limit,
  '=': (amount, limit) => amount === limit,
};

/** The amount is written in major units; each currency gets its limit in minor units once. */
function amountPredicate(field: 'total' | 'balance', op: Comparison, value: number): Predicate {
  const compare = COMPARE[op];
  let currency = '';
  let limit = 0;
  return (view) => {
    if (view.currency !== currency) {
      currency = view.currency;
      limit = value * 10 ** currencyScale(currency);
    }
    return compare(view[field], limit);
  };
}

function filterPredicate(filter: Filter, promiseOf: PromiseLookup | undefined): Predicate {
  switch (filter.kind) {
    case 'status':
      return (view) => filter.statuses.includes(view.paymentStatus);
    case 'customer':
      return (view) => customerNameIncludes(view.searchText, filter.text);
    case 'taxId': {
      const suffix = ` ${filter.compact}`;
      return (view) => view.searchText.endsWith(suffix);
    }
    case 'from':
      return (view) => view.issueDate >= filter.date;
    case 'to':
      return (view) => view.issueDate <= filter.date;
    case 'origin':
      return (view) => filter.origins.includes(view.origin);
    case 'type':
      return (view) => filter.types.includes(view.type);
    case 'amount':
      return amountPredicate(filter.field, filter.op, filter.value);
    case 'tag':
      return (view) => view.customerTags.length > 0 && foldedTags(view.customerTags).includes(filter.tag);
    case 'promise':
      return (view) => {
        const status = promiseOf?.(view) ?? null;
        return status !== null && filter.statuses.includes(status);
      };
  }
}

/** A test for one view, built once per query; null when the query keeps every view. */
export function queryMatcher(query: Query, promiseOf?: PromiseLookup): Predicate | null {
  const predicates: Predicate[] = query.filters.map((filter) => filterPredicate(filter, promiseOf));
  for (const word of query.words) predicates.push((view) => view.searchText.includes(word));
  if (predicates.length === 0) return null;
  if (predicates.length === 1) return predicates[0]!;
  return (view) => {
    for (const predicate of predicates) if (!predicate(view)) return false;
    return true;
  };
}
