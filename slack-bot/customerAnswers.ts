import { type Issue, customerNameOf, customerStatement, formatIssue, issue } from '../core/index';
import { customerStatementMessage } from './blocks/customerStatement';
import type { SlackMessage } from './blocks/searchResults';
import { fallbackText, section } from './blocks/text';
import { type BotServices, loadLedger, todayOf } from './services';

/** `cliente RUT` / `customer RUT` in `/facturas`: a statement, not a search. */
export const CUSTOMER_COMMAND = /^\s*(cliente|customer)\s+(\S+)\s*$/i;

export async function statementOf(
  services: BotServices,
  rutText: string,
): Promise<{ ok: true; statement: ReturnType<typeof customerStatement>; book: Awaited<ReturnType<typeof loadLedger>>['read']['book'] } | { ok: false; issues: Issue[] }> {
  const parsed = services.profile.parseTaxId(rutText);
  if (!parsed.ok) return { ok: false, issues: [issue('invalidTaxId', {}, { value: rutText, problem: parsed.problem })] };
  const { read } = await loadLedger(services);
  if (customerNameOf(read, parsed.value) === null) return { ok: false, issues: [issue('unknownCustomer', {}, { value: rutText })] };
  return { ok: true, statement: customerStatement(read.book, services.profile, { customerTaxId: parsed.value, to: todayOf(services) }), book: read.book };
}

export async function answerCustomer(services: BotServices, rutText: string): Promise<SlackMessage> {
  const found = await statementOf(services, rutText);
  if (!found.ok) {
    const text = fallbackText(found.issues.map((i) => formatIssue(i, services.locale)).join('\n'));
    return { text, blocks: [section(text)] };
  }
  return customerStatementMessage(found.statement, services.locale);
}
