import type { InvoiceView } from '../model';
import { totalSign } from '../tax/totalSign';
import { type PromiseLookup, queryMatcher } from './queryMatcher';
import { FirstItems } from './firstItems';
import { viewComparator } from './viewComparator';
import type { CurrencyTotals, PageRequest, Query, QueryPage } from './types';

export const DEFAULT_PAGE: PageRequest = { offset: 0, limit: 50 };

interface RunningTotals {
  currency: string;
  count: number;
  total: number;
  balance: number;
}

const wholeOrZero = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : n > 0 ? n : 0);

/**
 * Filters in one pass, adding up totals per currency and keeping the first `offset + limit`
 * matches in order on the way, so a first page never sorts every match.
 */
export function runQuery(views: readonly InvoiceView[], query: Query, page: PageRequest = DEFAULT_PAGE, promiseOf?: PromiseLookup): QueryPage {
  const offset = wholeOrZero(page.offset);
  const limit = wholeOrZero(page.limit);
  const matcher = queryMatcher(query, promiseOf);
  const compare = viewComparator(query.sort);
  const wanted = offset + limit;
  // A page that is a small part of the ledger is selected on the way; a large one is sorted after.
  const first = wanted * 2 < views.length ? new FirstItems(wanted, compare) : null;
  const matches: InvoiceView[] = [];

  const totalsByCurrency = new Map<string, RunningTotals>();
  let running: RunningTotals | undefined;
  let matched = 0;
  for (const view of views) {
    if (matcher !== null && !matcher(view)) continue;
    matched++;
    if (first) first.offer(view);
    else matches.push(view);
    if (running?.currency !== view.currency) {
      running = totalsByCurrency.get(view.currency);
      if (!running) {
        running = { currency: view.currency, count: 0, total: 0, balance: 0 };
        totalsByCurrency.set(view.currency, running);
      }
    }
    running.count++;
    if (view.state !== 'anulada') running.total += totalSign(view.kind) * view.total;
    running.balance += view.balance;
  }

  let items: InvoiceView[];
  if (limit === 0 || offset >= matched) items = [];
  else if (first) items = first.sorted().slice(offset);
  else items = matches.sort(compare).slice(offset, wanted);

  const totals: CurrencyTotals[] = [...totalsByCurrency.values()]
    .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
    .map(({ currency, count, total, balance }) => ({ currency, count, total, balance }));
  return { items, matched, offset, limit, totals };
}
