import type { KnownBlock } from '@slack/types';
import { type InvoiceView, type Locale, type QueryPage, type TaxProfile, documentKey, formatDateCl, formatMoney } from '../../core/index';
import { LIMITS, button, clamp, context, escapeMrkdwn, fallbackText, section } from './text';
import { documentTitle, labels, statusText } from './labels';
import { PAGE_BUTTON_VALUE, encodePayload } from './payloads';

export const OPEN_INVOICE_ACTION = 'open_invoice';
export const RESULTS_PAGE_ACTION_PREVIOUS = 'results_page_previous';
export const RESULTS_PAGE_ACTION_NEXT = 'results_page_next';
/** Ten documents keep a page readable and far inside Slack's 50 blocks. */
export const RESULTS_PAGE_SIZE = 10;

export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

export function resultLine(view: InvoiceView, profile: TaxProfile, locale: Locale): string {
  const l = labels(locale);
  const title = `*${documentTitle(profile, view, locale)}* · ${escapeMrkdwn(clamp(view.customerName, 200))}`;
  const amounts = `${formatDateCl(view.issueDate)} · ${l.total} ${formatMoney(view.total, view.currency)} · ${l.balance} ${formatMoney(view.balance, view.currency)} · ${statusText(view.paymentStatus, locale)}`;
  return `${title}\n${amounts}`;
}

/** The ephemeral answer to a search: one section per document, the totals of every match, paging. */
export function searchResultsMessage(page: QueryPage, queryText: string, profile: TaxProfile, locale: Locale): SlackMessage {
  const l = labels(locale);
  const shownQuery = escapeMrkdwn(clamp(queryText.replace(/`/g, "'"), 300));
  if (page.matched === 0) {
    const text = `${l.noMatches} \`${shownQuery}\`.`;
    return { text, blocks: [section(text), context(l.helpHint)] };
  }
  const blocks: KnownBlock[] = [section(`*${l.matches(page.matched)}* · \`${shownQuery}\``)];
  for (const view of page.items.slice(0, RESULTS_PAGE_SIZE)) {
    blocks.push({ ...section(resultLine(view, profile, locale)), accessory: button(l.view, OPEN_INVOICE_ACTION, documentKey(view)) } as KnownBlock);
  }
  const totals = page.totals
    .slice(0, 5)
    .map((t) => `${t.currency}: ${l.matches(t.count)} · ${l.total} ${formatMoney(t.total, t.currency)} · ${l.balance} ${formatMoney(t.balance, t.currency)}`)
    .join('\n');
  if (totals) blocks.push(context(totals));
  const from = page.offset + 1;
  const to = page.offset + page.items.length;
  blocks.push(context(l.showing(from, to, page.matched)));

  const pageButtons = [];
  const valueFor = (offset: number): string => encodePayload(PAGE_BUTTON_VALUE, { q: queryText, o: offset });
  const fits = valueFor(page.offset).length <= LIMITS.buttonValue;
  if (page.offset > 0) pageButtons.push(button(l.previous, RESULTS_PAGE_ACTION_PREVIOUS, valueFor(Math.max(0, page.offset - page.limit))));
  if (to < page.matched) pageButtons.push(button(l.next, RESULTS_PAGE_ACTION_NEXT, valueFor(to)));
  if (pageButtons.length > 0) {
    if (fits) blocks.push({ type: 'actions', elements: pageButtons });
    else blocks.push(context(l.queryTooLongToPage));
  }
  return { text: fallbackText(`${l.matches(page.matched)}: ${clamp(queryText, 200)}`), blocks };
}
