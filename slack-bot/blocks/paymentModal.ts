import type { ModalView } from '@slack/types';
import { type InvoiceView, type IsoDate, type Locale, type TaxProfile, formatMoney, paymentMethodOptions, suggestedAmount } from '../../core/index';
import { clamp, escapeMrkdwn, section } from './text';
import { documentTitle } from './labels';
import { PAYMENT_MODAL_METADATA, type PaymentModalMetadata, encodePayload } from './payloads';

export const PAYMENT_MODAL_CALLBACK = 'record_payment_modal';
export const PAYMENT_FIELDS = {
  amount: { block: 'payment_amount', action: 'amount' },
  date: { block: 'payment_date', action: 'date' },
  method: { block: 'payment_method', action: 'method' },
  reference: { block: 'payment_reference', action: 'reference' },
} as const;

const option = (method: { readonly value: string; readonly label: string }) => ({ text: { type: 'plain_text' as const, text: method.label }, value: method.value });

export function paymentModal(view: InvoiceView, today: IsoDate, metadata: PaymentModalMetadata, profile: TaxProfile, locale: Locale): ModalView {
  const es = locale === 'es';
  const title = documentTitle(profile, view, locale);
  return {
    type: 'modal',
    callback_id: PAYMENT_MODAL_CALLBACK,
    private_metadata: encodePayload(PAYMENT_MODAL_METADATA, metadata),
    title: { type: 'plain_text', text: es ? 'Registrar pago' : 'Record payment' },
    submit: { type: 'plain_text', text: es ? 'Registrar' : 'Record' },
    close: { type: 'plain_text', text: es ? 'Cancelar' : 'Cancel' },
    blocks: [
      section(`*${title}* · ${escapeMrkdwn(clamp(view.customerName, 200))}\n${es ? 'Saldo' : 'Balance'}: *${formatMoney(view.balance, view.currency)}*`),
      {
        type: 'input',
        block_id: PAYMENT_FIELDS.amount.block,
        label: { type: 'plain_text', text: es ? `Monto (${view.currency})` : `Amount (${view.currency})` },
        element: { type: 'plain_text_input', action_id: PAYMENT_FIELDS.amount.action, initial_value: suggestedAmount(view.balance, view.currency) },
        hint: { type: 'plain_text', text: es ? 'Como 297.500 o 297500' : 'Like 297.500 or 297500' },
      },
      {
        type: 'input',
        block_id: PAYMENT_FIELDS.date.block,
        label: { type: 'plain_text', text: es ? 'Fecha del pago' : 'Payment date' },
        element: { type: 'datepicker', action_id: PAYMENT_FIELDS.date.action, initial_date: today },
      },
      {
        type: 'input',
        block_id: PAYMENT_FIELDS.method.block,
        label: { type: 'plain_text', text: es ? 'Medio de pago' : 'Method' },
        element: { type: 'static_select', action_id: PAYMENT_FIELDS.method.action, options: paymentMethodOptions(locale).map(option), initial_option: option(paymentMethodOptions(locale)[0]!) },
      },
      {
        type: 'input',
        block_id: PAYMENT_FIELDS.reference.block,
        optional: true,
        label: { type: 'plain_text', text: es ? 'Referencia' : 'Reference' },
        element: { type: 'plain_text_input', action_id: PAYMENT_FIELDS.reference.action, max_length: 200 },
      },
    ],
  };
}
