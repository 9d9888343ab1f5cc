import type { HistoryEntry, InvoiceDocument, Locale, TaxProfile } from '../../core/index';
import { formatMoney, historyStatusLabel } from '../../core/index';
import { clamp, context, escapeMrkdwn, fallbackText, section } from './text';
import { documentTitle } from './labels';
import type { SlackMessage } from './searchResults';

const statusWord = historyStatusLabel;

/** "Factura 33-1023 · Acme Ltda · pendiente → pagada · $1.190.000", plus who and from where. */
export function statusChangeMessage(entry: HistoryEntry, document: InvoiceDocument | undefined, profile: TaxProfile, locale: Locale): SlackMessage {
  const parts = [documentTitle(profile, entry, locale)];
  if (document) parts.push(clamp(document.customerName, 200));
  parts.push(`${statusWord(entry.previousStatus, locale)} → ${statusWord(entry.newStatus, locale)}`);
  if (entry.amount !== null) parts.push(formatMoney(entry.amount, document?.currency ?? profile.defaultCurrency));
  const text = fallbackText(parts.join(' · '));
  const who = [entry.user, entry.channel].filter(Boolean).map((s) => escapeMrkdwn(clamp(s, 100)));
  const blocks = [section(text)];
  if (who.length > 0) blocks.push(context(locale === 'es' ? `Registrado por ${who.join(' vía ')}` : `Recorded by ${who.join(' via ')}`));
  return { text, blocks };
}
