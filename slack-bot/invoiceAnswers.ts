import { type Issue, type Ledger, findDocument, formatIssue, parseDocumentKey, queryHelp, searchLedger } from '../core/index';
import { type BotServices, canRecordPayments, loadLedger } from './services';
import { RESULTS_PAGE_SIZE, type SlackMessage, searchResultsMessage } from './blocks/searchResults';
import { invoiceDetailMessage } from './blocks/invoiceDetail';
import { clamp, context, escapeMrkdwn, fallbackText, section } from './blocks/text';

const HELP_WORDS = new Set(['', 'ayuda', 'help', '?']);

export const issuesMessage = (issues: readonly Issue[], services: BotServices): SlackMessage => {
  const text = fallbackText(issues.map((i) => `• ${formatIssue(i, services.locale)}`).join('\n'));
  return { text, blocks: [section(text)] };
};

export function helpMessage(services: BotServices): SlackMessage {
  const help = escapeMrkdwn(queryHelp(services.locale));
  const intro = services.locale === 'es' ? '`/facturas TEXTO` busca documentos; `/facturas 33-1023` muestra uno.' : '`/facturas TEXT` searches documents; `/facturas 33-1023` shows one.';
  return { text: clamp(`${intro}\n${help}`, 3000), blocks: [section(intro), section('```' + help + '```')] };
}

function detailFor(services: BotServices, ledger: Ledger, payments: Parameters<typeof invoiceDetailMessage>[1], key: string, userId: string): SlackMessage | Issue[] {
  const found = findDocument(ledger, key);
  if (!found.ok) return [...found.issues];
  return invoiceDetailMessage(found.value, payments, { profile: services.profile, locale: services.locale, canRecordPayments: canRecordPayments(services, userId) });
}

/** `/facturas …`: help, one document by `[TIPO-]FOLIO`, or a page of search results. */
export async function answerQuery(services: BotServices, text: string, offset: number, userId: string): Promise<SlackMessage> {
  const trimmed = text.trim();
  if (HELP_WORDS.has(trimmed.toLowerCase())) return helpMessage(services);
  const { read, ledger } = await loadLedger(services);
  if (offset === 0 && parseDocumentKey(trimmed)) {
    const detail = detailFor(services, ledger, read.book.payments, trimmed, userId);
    // A bare folio present in several types is a search, so the user sees each of them.
    if (!Array.isArray(detail)) return detail;
    if (!detail.some((i) => i.code === 'ambiguousDocument')) return issuesMessage(detail, services);
  }
  const page = searchLedger(ledger, trimmed, { offset, limit: RESULTS_PAGE_SIZE });
  if (!page.ok) {
    const message = issuesMessage(page.issues, services);
    return { text: message.text, blocks: [...message.blocks, context(services.locale === 'es' ? '`/facturas ayuda` explica la sintaxis.' : '`/facturas help` explains the syntax.')] };
  }
  return searchResultsMessage(page.value, trimmed, services.profile, services.locale);
}

export async function answerDetail(services: BotServices, key: string, userId: string): Promise<SlackMessage> {
  const { read, ledger } = await loadLedger(services);
  const detail = detailFor(services, ledger, read.book.payments, key, userId);
  return Array.isArray(detail) ? issuesMessage(detail, services) : detail;
}

/**
 * A message shortcut gets whatever someone wrote ("¿pagó Acme la 1023?"): try the text as a
 * query, then each folio or RUT-looking word in it, and answer with the first that finds something.
 */
export async function answerMessageText(services: BotServices, text: string): Promise<SlackMessage> {
  const { ledger } = await loadLedger(services);
  const candidates = [text.trim(), ...(text.match(/\b\d{1,2}\.?\d{3}\.?\d{3}-[\dkK]\b|\b\d{2}-\d{1,12}\b|\b\d{3,12}\b/g) ?? [])];
  let firstPage = null;
  for (const candidate of candidates.slice(0, 10)) {
    const page = searchLedger(ledger, candidate, { offset: 0, limit: RESULTS_PAGE_SIZE });
    if (!page.ok) continue;
    firstPage ??= { page: page.value, candidate };
    if (page.value.matched > 0) return searchResultsMessage(page.value, candidate, services.profile, services.locale);
  }
  if (firstPage) return searchResultsMessage(firstPage.page, firstPage.candidate, services.profile, services.locale);
  return searchResultsMessage({ items: [], matched: 0, offset: 0, limit: RESULTS_PAGE_SIZE, totals: [] }, clamp(text, 100), services.profile, services.locale);
}
