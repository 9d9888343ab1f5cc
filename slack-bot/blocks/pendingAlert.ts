import type { KnownBlock } from '@slack/types';
import { type AgingReport, type Locale, type TaxProfile, formatDateCl, formatMoney } from '../../core/index';
import { LIMITS, clamp, context, escapeMrkdwn, header, section } from './text';
import { documentTitle } from './labels';
import type { SlackMessage } from './searchResults';

/** Header, summary and closing note leave room for this many customers inside 50 blocks. */
const CUSTOMERS_SHOWN = 40;
const DOCUMENTS_PER_CUSTOMER = 15;

/** The daily direct message: overdue documents by customer, largest debt first, with their age. */
export function pendingAlertMessage(aging: AgingReport, profile: TaxProfile, locale: Locale): SlackMessage {
  const es = locale === 'es';
  const money = (amount: number): string => formatMoney(amount, aging.currency);
  const debtors = aging.customers.filter((c) => c.overdueDocuments.length > 0).sort((a, b) => b.overdue - a.overdue);
  const documentCount = debtors.reduce((n, c) => n + c.overdueDocuments.length, 0);
  const title = es ? `Pagos vencidos al ${formatDateCl(aging.asOf)}` : `Overdue payments as of ${formatDateCl(aging.asOf)}`;
  if (debtors.length === 0) {
    const text = es ? `${title}: no hay documentos vencidos.` : `${title}: nothing is overdue.`;
    return { text, blocks: [section(`:tada: ${text}`)] };
  }
  const summary = es
    ? `*${money(aging.totals.overdue)}* vencido en ${documentCount} documentos de ${debtors.length} clientes.`
    : `*${money(aging.totals.overdue)}* overdue in ${documentCount} documents from ${debtors.length} customers.`;
  const blocks: KnownBlock[] = [header(title), section(summary)];
  for (const customer of debtors.slice(0, CUSTOMERS_SHOWN)) {
    const lines = customer.overdueDocuments.slice(0, DOCUMENTS_PER_CUSTOMER).map((d) => {
      const days = es ? `${d.daysOverdue} días` : `${d.daysOverdue} days`;
      return `• ${documentTitle(profile, d, locale)} · ${es ? 'venció' : 'due'} ${formatDateCl(d.dueDate)} · ${days} · ${es ? 'saldo' : 'balance'} ${money(d.balance)}`;
    });
    const hidden = customer.overdueDocuments.length - lines.length;
    if (hidden > 0) lines.push(es ? `_y ${hidden} documentos más_` : `_and ${hidden} more documents_`);
    const head = `*${escapeMrkdwn(clamp(customer.customerName, 150))}* (${escapeMrkdwn(customer.customerTaxId)}) · ${es ? 'vencido' : 'overdue'} *${money(customer.overdue)}*`;
    blocks.push(section(clamp(`${head}\n${lines.join('\n')}`, LIMITS.sectionText)));
  }
  const rest = debtors.slice(CUSTOMERS_SHOWN);
  if (rest.length > 0) {
    const amount = money(rest.reduce((n, c) => n + c.overdue, 0));
    blocks.push(
      context(
        es ? `y ${rest.length} clientes más con ${amount} vencido; vea \`/facturas estado:vencida\`.` : `and ${rest.length} more customers with ${amount} overdue; see \`/facturas estado:vencida\`.`,
      ),
    );
  }
  return { text: `${title}: ${money(aging.totals.overdue)}`, blocks };
}
