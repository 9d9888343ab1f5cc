import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { type Issue, type Locale, PAYMENT_STATUS_LABELS, formatIssue, formatMoney, issue, ok, recordTypedPayment } from '../../../core/index';
import { type BotServices, SORRY, canRecordPayments, todayOf } from '../../services';
import { PAYMENT_FIELDS } from '../../blocks/paymentModal';
import { WriteConflictError } from '../../../core/node/store';
import { fallbackText } from '../../blocks/text';
import { PAYMENT_MODAL_METADATA, STALE_PAYLOAD, decodePayload } from '../../blocks/payloads';
import { type SubmissionOutcome, answerSubmission, confirmToUser } from './answerSubmission';

type Field = keyof typeof PAYMENT_FIELDS;

/**
 * The payment modal's submit. Permission is checked again here, since a view submission can
 * be sent by anyone who can open a modal; the write re-reads the workbook and refuses if the
 * balance moved since the user saw it. Problems come back next to the field they concern; a slow
 * write is answered in time (answerSubmission.ts).
 */
export const paymentSubmission =
  (services: BotServices) =>
  async ({ ack, body, view, client, logger }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const locale = services.locale;
    const user = body.user.id;
    const metadata = decodePayload(PAYMENT_MODAL_METADATA, view.private_metadata);
    const done = await answerSubmission({ ack, client, view, logger }, decide(), { locale, ...(services.submissionAckMs !== undefined ? { ackWithinMs: services.submissionAckMs } : {}) });
    if (done.ok && metadata) await confirmToUser(client, logger, { channel: metadata.channel ?? null, user }, done.text);

    /** The write and its outcome; never throws, so the modal is always answered. */
    async function decide(): Promise<SubmissionOutcome> {
      if (!canRecordPayments(services, user)) {
        logger.warn(`Payment submission from ${user}, who is not in SLACK_PAYMENT_ADMINS; nothing written`);
        return refused([issue('notAllowed')], locale);
      }
      if (!metadata) {
        logger.warn(`Payment form from ${user} carried unreadable metadata; nothing written`);
        return { ok: false, errors: { [PAYMENT_FIELDS.amount.block]: STALE_PAYLOAD[locale] } };
      }
      try {
        const values = view.state.values;
        const amountText = values[PAYMENT_FIELDS.amount.block]?.[PAYMENT_FIELDS.amount.action]?.value ?? '';
        const dateText = values[PAYMENT_FIELDS.date.block]?.[PAYMENT_FIELDS.date.action]?.selected_date ?? '';
        const method = values[PAYMENT_FIELDS.method.block]?.[PAYMENT_FIELDS.method.action]?.selected_option?.value ?? '';
        const reference = values[PAYMENT_FIELDS.reference.block]?.[PAYMENT_FIELDS.reference.action]?.value ?? '';
        const now = services.now();
        // The amount is read in the currency of the document found under the lock, never one the form carries.
        const result = await services.store.transact((read) => {
          const planned = recordTypedPayment(
            read,
            services.profile,
            { document: metadata.key, amount: amountText, date: dateText, method, reference },
            { user: body.user.name ? `${body.user.name} (${user})` : user, channel: 'slack', today: todayOf(services), now: now.toISOString(), expectedBalance: metadata.expectedBalance },
          );
          return planned.ok ? ok({ plan: planned.value.plan, outcome: planned.value }) : planned;
        });
        if (!result.ok) {
          logger.info(`Payment on ${metadata.key} by ${user} refused: ${result.issues.map((i) => i.code).join(', ')}`);
          return refused(result.issues, locale);
        }
        const { before, after, request } = result.value;
        const amount = request.amount;
        const status = (s: typeof before.paymentStatus) => PAYMENT_STATUS_LABELS[s][locale];
        return {
          ok: true,
          text: fallbackText(
            locale === 'es'
              ? `Pago de ${formatMoney(amount, after.currency)} registrado en ${metadata.key}: ${status(before.paymentStatus)} → ${status(after.paymentStatus)}; saldo ${formatMoney(after.balance, after.currency)}.`
              : `Payment of ${formatMoney(amount, after.currency)} recorded on ${metadata.key}: ${status(before.paymentStatus)} → ${status(after.paymentStatus)}; balance ${formatMoney(after.balance, after.currency)}.`,
          ),
        };
      } catch (error) {
        if (error instanceof WriteConflictError) {
          logger.error(`CONFLICT recording a payment from ${user}: ${error.message}`);
          return { ok: false, errors: { [PAYMENT_FIELDS.amount.block]: conflictText(error, locale) } };
        }
        logger.error(`Recording a payment from ${user} failed: ${(error as Error).stack ?? error}`);
        return { ok: false, errors: { [PAYMENT_FIELDS.amount.block]: SORRY[locale] } };
      }
    }
  };

/** Each problem next to the field it concerns (the amount's, when it names none). */
function refused(problems: readonly Issue[], locale: Locale): SubmissionOutcome {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const field: Field = problem.path.field === 'date' ? 'date' : 'amount';
    const block = PAYMENT_FIELDS[field].block;
    const text = formatIssue({ ...problem, path: {} }, locale);
    errors[block] = errors[block] ? `${errors[block]}; ${text}` : text;
  }
  return { ok: false, errors };
}

/** The payment is in the sheet, next to someone else's change made at the same moment: a person must look. */
function conflictText(error: WriteConflictError, locale: Locale): string {
  const es = locale === 'es';
  const what = [
    ...(error.duplicateHistoryIds.length > 0 ? [es ? `Historial ${error.duplicateHistoryIds.join(', ')} quedó repetido` : `Historial ${error.duplicateHistoryIds.join(', ')} is now used twice`] : []),
    ...(error.negativeBalances.length > 0 ? [es ? `saldo bajo cero en ${error.negativeBalances.join(', ')}` : `balance below zero on ${error.negativeBalances.join(', ')}`] : []),
  ].join('; ');
  return es
    ? `El pago se registró, pero otra persona escribió en la planilla en el mismo momento (${what}). Revise Pagos e Historial en la hoja; no lo envíe de nuevo.`
    : `The payment was recorded, but someone else wrote to the sheet at the same moment (${what}). Check Pagos and Historial in the sheet; do not submit it again.`;
}
