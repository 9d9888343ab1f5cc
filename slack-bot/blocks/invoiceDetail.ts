import type { KnownBlock } from '@slack/types';
import { type InvoiceView, type Locale, type Payment, type TaxProfile, ORIGIN_LABELS, documentKey, formatDateCl, formatMoney, takesPayments } from '../../core/index';
import { button, clamp, context, escapeMrkdwn, fallbackText, header, section } from './text';
import { documentTitle, labels, statusText } from './labels';
import type { SlackMessage } from './searchResults';
import { PAYMENT_BUTTON_VALUE, encodePayload } from './payloads';
import { promiseButton } from './promiseModal';

export const INVOICE_PDF_ACTION = 'invoice_pdf';
export const RECORD_PAYMENT_ACTION = 'record_payment';
const PAYMENTS_SHOWN = 10;

export function invoiceDetailMessage(view: InvoiceView, payments: readonly Payment[], options: { profile: TaxProfile; locale: Locale; canRecordPayments: boolean }): SlackMessage {
  const { profile, locale } = options;
  const l = labels(locale);
  const money = (amount: number): string => formatMoney(amount, view.currency);
  const title = documentTitle(profile, view, locale);
  const status = view.paymentStatus === 'vencida' && view.daysOverdue > 0 ? `${statusText(view.paymentStatus, locale)} (${l.daysOverdue(view.daysOverdue)})` : statusText(view.paymentStatus, locale);
  const field = (name: string, value: string) => ({ type: 'mrkdwn' as const, text: clamp(`*${name}*\n${value}`, 2000) });
  const blocks: KnownBlock[] = [
    header(title),
    {
      type: 'section',
      fields: [
        field(l.customer, `${escapeMrkdwn(view.customerName)}\n${escapeMrkdwn(view.customerTaxId)}`),
        field(l.status, status),
        field(l.issued, formatDateCl(view.issueDate)),
        field(l.due, formatDateCl(view.dueDate ?? view.issueDate)),
        field(l.total, money(view.total)),
        field(`${l.paid} / ${l.balance}`, `${money(view.paid)} / *${money(view.balance)}*`),
        field(l.origin, `${ORIGIN_LABELS[view.origin][locale]}${view.originRef ? ` ${escapeMrkdwn(view.originRef)}` : ''}`),
      ],
    },
  ];
  const own = payments.filter((p) => p.type === view.type && p.number === view.number);
  const lines = own
    .slice(-PAYMENTS_SHOWN)
    .map((p) => `• ${formatDateCl(p.date)} · ${money(p.amount)}${p.method ? ` · ${escapeMrkdwn(p.method)}` : ''}${p.reference ? ` · ${escapeMrkdwn(p.reference)}` : ''}`);
  if (own.length > PAYMENTS_SHOWN) lines.unshift(`_${l.more(own.length - PAYMENTS_SHOWN)}_`);
  blocks.push(section(`*${l.payments}*\n${lines.length > 0 ? lines.join('\n') : l.noPayments}`));
  if (view.notes) blocks.push(context(`${l.notes}: ${escapeMrkdwn(view.notes)}`));
  const key = documentKey(view);
  const actions = [button(l.pdf, INVOICE_PDF_ACTION, key)];
  if (options.canRecordPayments && takesPayments(view)) {
    actions.push(button(l.recordPayment, RECORD_PAYMENT_ACTION, encodePayload(PAYMENT_BUTTON_VALUE, { key, balance: view.balance }), 'primary'));
    actions.push(...promiseButton(view, locale));
  }
  blocks.push({ type: 'actions', elements: actions });
  return { text: fallbackText(`${title} · ${clamp(view.customerName, 200)} · ${l.balance} ${money(view.balance)}`), blocks };
}
