import type { Ledger } from '../ledger/buildLedger';
import { type Result, ok } from '../issues/issue';
import { candidateViews } from './candidateViews';
import { parseQuery } from './parseQuery';
import { DEFAULT_PAGE, runQuery } from './runQuery';
import type { PageRequest, QueryPage } from './types';

/** Parses and runs a query over a ledger's documents; a malformed query gives its issues. Repeated searches of one ledger use query columns. */
export function searchLedger(ledger: Ledger, text: string, page: PageRequest = DEFAULT_PAGE): Result<QueryPage> {
  const query = parseQuery(text);
  return query.ok ? ok(runQuery(candidateViews(ledger.views, query.value), query.value, page, ledger.promiseStatusOf)) : query;
}
