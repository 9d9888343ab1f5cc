import type { ModalView } from '@slack/types';
import { type InvoiceView, type IsoDate, type Locale, type TaxProfile, addDays, documentKey, formatMoney, suggestedAmount, takesPayments } from '../../core/index';
import { documentTitle } from './labels';
import { button, clamp, escapeMrkdwn, section } from './text';

export const RECORD_PROMISE_ACTION = 'record_promise';
export const PROMISE_MODAL_CALLBACK = 'record_promise_modal';
export const PROMISE_FIELDS = {
  date: { block: 'promise_date', action: 'date' },
  amount: { block: 'promise_amount', action: 'amount' },
  note: { block: 'promise_note', action: 'note' },
} as const;

/** Carried through the modal: which document and where to answer. */
export interface PromiseModalMetadata {
  readonly key: string;
  readonly channel: string | null;
}

/** The invoice detail's "Registrar promesa" button, for payment admins on documents still owed. */
export const promiseButton = (view: InvoiceView, locale: Locale) =>
  takesPayments(view) ? [button(locale === 'es' ? 'Registrar promesa' : 'Record promise', RECORD_PROMISE_ACTION, documentKey(view))] : [];

/** A week ahead is what a customer usually commits to on the phone; the person changes it. */
const DEFAULT_PROMISE_DAYS = 7;

export function promiseModal(view: InvoiceView, today: IsoDate, metadata: PromiseModalMetadata, profile: TaxProfile, locale: Locale): ModalView {
  const es = locale === 'es';
  return {
    type: 'modal',
    callback_id: PROMISE_MODAL_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: es ? 'Promesa de pago' : 'Promise to pay' },
    submit: { type: 'plain_text', text: es ? 'Registrar' : 'Record' },
    close: { type: 'plain_text', text: es ? 'Cancelar' : 'Cancel' },
    blocks: [
      section(`*${documentTitle(profile, view, locale)}* · ${escapeMrkdwn(clamp(view.customerName, 200))}\n${es ? 'Saldo' : 'Balance'}: *${formatMoney(view.balance, view.currency)}*`),
      {
        type: 'input',
        block_id: PROMISE_FIELDS.date.block,
        label: { type: 'plain_text', text: es ? 'Pagará a más tardar el' : 'Will pay by' },
        element: { type: 'datepicker', action_id: PROMISE_FIELDS.date.action, initial_date: addDays(today, DEFAULT_PROMISE_DAYS) },
      },
      {
        type: 'input',
        block_id: PROMISE_FIELDS.amount.block,
        label: { type: 'plain_text', text: es ? `Monto comprometido (${view.currency})` : `Promised amount (${view.currency})` },
        element: { type: 'plain_text_input', action_id: PROMISE_FIELDS.amount.action, initial_value: suggestedAmount(view.balance, view.currency) },
      },
      {
        type: 'input',
        block_id: PROMISE_FIELDS.note.block,
        optional: true,
        label: { type: 'plain_text', text: es ? 'Nota' : 'Note' },
        element: { type: 'plain_text_input', action_id: PROMISE_FIELDS.note.action, max_length: 500 },
      },
    ],
  };
}
