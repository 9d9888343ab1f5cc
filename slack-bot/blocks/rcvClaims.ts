import type { KnownBlock } from '@slack/types';
import { type Locale, type TaxProfile, formatDateCl } from '../../core/index';
import type { LastClaims } from '../../core/node/siiClaimsFile';
import { documentTitle } from './labels';
import { LIMITS, clamp, section } from './text';
import type { SlackMessage } from './searchResults';

const MONTHS = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** The daily alert, plus the documents the last RCV reconciliation found claimed by their customer: receivables at risk. */
export function withRcvClaims(message: SlackMessage, claims: LastClaims | null, profile: TaxProfile, locale: Locale): SlackMessage {
  if (!claims || claims.claimed.length === 0) return message;
  const es = locale === 'es';
  const month = `${MONTHS[locale][Number(claims.period.slice(5, 7)) - 1] ?? claims.period} ${claims.period.slice(0, 4)}`;
  const count = claims.claimed.length;
  const intro = es
    ? `:warning: *${count} ${count === 1 ? 'documento reclamado' : 'documentos reclamados'}* por el cliente en el RCV de ${month} (conciliación del ${formatDateCl(claims.reconciledAt.slice(0, 10))}):`
    : `:warning: *${count} ${count === 1 ? 'document' : 'documents'} claimed* by the customer in the RCV of ${month} (reconciled on ${formatDateCl(claims.reconciledAt.slice(0, 10))}):`;
  const lines = claims.claimed.slice(0, 30).map((c) => `• ${documentTitle(profile, c, locale)} · ${es ? 'reclamado el' : 'claimed on'} ${formatDateCl(c.claimDate)}`);
  if (count > lines.length) lines.push(es ? `_y ${count - lines.length} más_` : `_and ${count - lines.length} more_`);
  const blocks: KnownBlock[] = [...message.blocks];
  // A full alert already uses its 50 blocks: the claims take the last one.
  if (blocks.length >= 50) blocks.length = 49;
  blocks.push(section(clamp(`${intro}\n${lines.join('\n')}`, LIMITS.sectionText)));
  const suffix = es ? ` · ${count} reclamados en el RCV` : ` · ${count} claimed in the RCV`;
  return { ...message, text: `${message.text}${suffix}`, blocks };
}
