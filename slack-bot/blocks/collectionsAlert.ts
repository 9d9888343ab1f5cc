import type { KnownBlock } from '@slack/types';
import {
  type Book,
  type IsoDate,
  type Locale,
  type TaxProfile,
  buildLedger,
  formatDateCl,
  formatMoney,
  payDatePredictor,
  promiseIndex,
  receivablesAt,
  receivablesKpis,
  settlements,
} from '../../core/index';
import type { SlackMessage } from './searchResults';
import { LIMITS, clamp, context, escapeMrkdwn, section } from './text';

/** Slack refuses a message of more than 50 blocks. */
const MAX_BLOCKS = 50;
const BROKEN_SHOWN = 10;
const TOP_DEBTORS = 5;

const previousMonth = (date: IsoDate): string => {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * What collections puts at the top of the managers' daily alert: broken promises first, then the
 * largest debtors with their predicted pay dates, and DSO and CEI of the last full month.
 */
export function collectionsAlertBlocks(book: Book, profile: TaxProfile, asOf: IsoDate, locale: Locale): KnownBlock[] {
  const es = locale === 'es';
  const ledger = buildLedger(book, asOf, profile);
  const blocks: KnownBlock[] = [];
  const broken = [...promiseIndex(book, asOf).all.entries()].filter(([, p]) => p.status === 'broken').sort(([, a], [, b]) => (a.date < b.date ? -1 : 1));
  if (broken.length > 0) {
    const lines = broken.slice(0, BROKEN_SHOWN).map(([key, p]) => {
      const [type, number] = key.split('-').map(Number);
      const view = ledger.byKey(type!, number!);
      const money = (n: number) => formatMoney(n, view?.currency ?? profile.defaultCurrency);
      return `• ${key} · ${escapeMrkdwn(clamp(view?.customerName ?? '', 80))} · ${es ? 'prometió' : 'promised'} ${money(p.amount)} ${es ? 'al' : 'by'} ${formatDateCl(p.date)} · ${es ? 'pagó' : 'paid'} ${money(p.paidTowards)}`;
    });
    if (broken.length > BROKEN_SHOWN)
      lines.push(es ? `_y ${broken.length - BROKEN_SHOWN} más; vea \`/facturas promesa:incumplida\`_` : `_and ${broken.length - BROKEN_SHOWN} more; see \`/facturas promise:broken\`_`);
    blocks.push(section(clamp(`*:warning: ${es ? 'Promesas incumplidas' : 'Broken promises'}*\n${lines.join('\n')}`, LIMITS.sectionText)));
  }
  const period = previousMonth(asOf);
  const kpis = receivablesKpis(book, profile, period);
  // Debtors as of today, not a month's end: who to chase now, and when each will likely pay.
  const currency = profile.defaultCurrency;
  const predictor = payDatePredictor(settlements(book, profile, currency));
  const debtors = [...receivablesAt(book, profile, asOf, currency).byCustomer.entries()]
    .sort(([, a], [, b]) => b.balance - a.balance || a.name.localeCompare(b.name))
    .slice(0, TOP_DEBTORS)
    .map(
      ([taxId, d]) =>
        `• *${escapeMrkdwn(clamp(d.name, 80))}* · ${formatMoney(d.balance, currency)} (${es ? 'vencido' : 'overdue'} ${formatMoney(d.overdue, currency)}) · ${es ? 'pago estimado' : 'predicted payment'} ${formatDateCl(predictor.predict(taxId, d.largestDue, asOf))}`,
    );
  if (debtors.length > 0) blocks.push(section(clamp(`*${es ? 'Mayores deudores' : 'Largest debtors'}*\n${debtors.join('\n')}`, LIMITS.sectionText)));
  const one = (n: number | null, unit: string) => (n === null ? '—' : `${n.toFixed(1).replace('.', es ? ',' : '.')}${unit}`);
  blocks.push(
    context(`${es ? 'Mes' : 'Month'} ${period}: DSO ${one(kpis.dso, es ? ' días' : ' days')} · CEI ${one(kpis.cei, '%')} · ${es ? 'más de 90 días' : 'over 90 days'} ${one(kpis.over90Share, '%')}`),
  );
  return blocks;
}

/** The pending-payment alert with the collections blocks after its header, trimmed to Slack's block limit. */
export function withCollectionsBlocks(message: SlackMessage, extra: readonly KnownBlock[]): SlackMessage {
  const [head, ...rest] = message.blocks;
  const blocks = head ? [head, ...extra, ...rest] : [...extra];
  // The overdue customers at the end give way first: the rest of the message is about them anyway.
  while (blocks.length > MAX_BLOCKS) blocks.splice(blocks.length - 2, 1);
  return { ...message, blocks };
}
