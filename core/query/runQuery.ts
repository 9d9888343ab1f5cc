import type { InvoiceView } from '../model';
import { queryMatcher } from './queryMatcher';
import { selectFirst } from './selectFirst';
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
 * Filters in one pass (totals per currency on the way), then orders only what the page
 * needs: a partial selection when the page is a small part of the matches, a full sort otherwise.
 */
export function runQuery(views: readonly InvoiceView[], query: Query, page: PageRequest = DEFAULT_PAGE): QueryPage {
  const offset = wholeOrZero(page.offset);
  const limit = wholeOrZero(page.limit);
  const matcher = queryMatcher(query);

  const matches: InvoiceView[] = [];
  const totalsByCurrency = new Map<string, RunningTotals>();
  let running: RunningTotals | undefined;
  for (const view of views) {
    if (matcher !== null && !matcher(view)) continue;
    matches.push(view);
    if (running?.currency !== view.currency) {
      running = totalsByCurrency.get(view.currency);
      if (!running) {
        running = { currency: view.currency, count: 0, total: 0, balance: 0 };
        totalsByCurrency.set(view.currency, running);
      }
    }
    running.count++;
    if (view.state !== 'anulada') running.total += view.total;
    running.balance += view.balance;
  }

  const wanted = offset + limit;
  const compare = viewComparator(query.sort);
  let items: InvoiceView[];
  if (limit === 0 || offset >= matches.length) items = [];
  else if (wanted < matches.length / 2) items = selectFirst(matches, wanted, compare).slice(offset);
  else items = matches.sort(compare).slice(offset, wanted);

  const totals: CurrencyTotals[] = [...totalsByCurrency.values()]
    .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
    .map(({ currency, count, total, balance }) => ({ currency, count, total, balance }));
  return { items, matched: matches.length, offset, limit, totals };
}
