import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { type Issue, type Locale, buildLedger, fail, findDocument, formatDateCl, formatIssue, formatMoney, issue, ok, parseAmountCell, parseIsoDate, recordPromise } from '../../../core/index';
import { PROMISE_FIELDS } from '../../blocks/promiseModal';
import { fallbackText } from '../../blocks/text';
import { STALE_PAYLOAD } from '../../blocks/payloads';
import { type SubmissionOutcome, answerSubmission, confirmToUser } from './answerSubmission';
import { type BotServices, SORRY, canRecordPayments, todayOf } from '../../services';

const METADATA = z.object({ key: z.string(), channel: z.string().nullable() });

/**
 * The promise modal's submit: permission checked again (anyone can post a view submission),
 * planned by core from a fresh read under the store's lock, problems next to their field.
 */
export const promiseSubmission =
  (services: BotServices) =>
  async ({ ack, body, view, client, logger }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const locale = services.locale;
    const user = body.user.id;
    const metadata = METADATA.safeParse(parseJson(view.private_metadata));
    const done = await answerSubmission({ ack, client, view, logger }, decide(), { locale, ...(services.submissionAckMs !== undefined ? { ackWithinMs: services.submissionAckMs } : {}) });
    if (done.ok && metadata.success) await confirmToUser(client, logger, { channel: metadata.data.channel, user }, done.text);

    /** The write and its outcome; never throws, so the modal is always answered. */
    async function decide(): Promise<SubmissionOutcome> {
      if (!canRecordPayments(services, user)) {
        logger.warn(`Promise submission from ${user}, who is not in SLACK_PAYMENT_ADMINS; nothing written`);
        return refused([issue('notAllowed')], locale);
      }
      if (!metadata.success) {
        logger.warn(`Promise form from ${user} carried unreadable metadata; nothing written`);
        return { ok: false, errors: { [PROMISE_FIELDS.amount.block]: STALE_PAYLOAD[locale] } };
      }
      const { key } = metadata.data;
      try {
        const values = view.state.values;
        const dateText = values[PROMISE_FIELDS.date.block]?.[PROMISE_FIELDS.date.action]?.selected_date ?? '';
        const amountText = values[PROMISE_FIELDS.amount.block]?.[PROMISE_FIELDS.amount.action]?.value ?? '';
        const note = values[PROMISE_FIELDS.note.block]?.[PROMISE_FIELDS.note.action]?.value ?? '';
        const today = todayOf(services);
        const result = await services.store.transact((read) => {
          const date = parseIsoDate(dateText);
          if (date === null) return fail(issue('invalidDate', { field: 'date' }, { value: dateText }));
          // The amount is read in the currency of the document found under the lock.
          const found = findDocument(buildLedger(read.book, today, services.profile), key);
          const amount = amountText.trim() === '' ? undefined : parseAmountCell(amountText, found.ok ? found.value.currency : services.profile.defaultCurrency);
          if (amount === null) return fail(issue('invalidNumber', { field: 'amount' }, { value: amountText }));
          const planned = recordPromise(read, services.profile, {
            document: key,
            date,
            ...(amount === undefined ? {} : { amount }),
            note: note.trim(),
            user: body.user.name ? `${body.user.name} (${user})` : user,
            channel: 'slack',
            today,
            now: services.now().toISOString(),
          });
          return planned.ok ? ok({ plan: planned.value.plan, outcome: planned.value }) : planned;
        });
        if (!result.ok) {
          logger.info(`Promise on ${key} by ${user} refused: ${result.issues.map((i) => i.code).join(', ')}`);
          return refused(result.issues, locale);
        }
        const { entry, document } = result.value;
        const amount = formatMoney(entry.promisedAmount ?? 0, document?.currency ?? services.profile.defaultCurrency);
        return {
          ok: true,
          text: fallbackText(
            locale === 'es'
              ? `Promesa registrada en ${key} (${entry.id}): ${amount} a más tardar el ${formatDateCl(entry.promisedDate)}.`
              : `Promise recorded on ${key} (${entry.id}): ${amount} by ${formatDateCl(entry.promisedDate)}.`,
          ),
        };
      } catch (error) {
        logger.error(`Recording a promise from ${user} failed: ${(error as Error).stack ?? error}`);
        return { ok: false, errors: { [PROMISE_FIELDS.amount.block]: SORRY[locale] } };
      }
    }
  };

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** Each problem next to the field it concerns (the amount's, when it names none). */
function refused(problems: readonly Issue[], locale: Locale): SubmissionOutcome {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const block = PROMISE_FIELDS[problem.path.field === 'date' ? 'date' : 'amount'].block;
    const text = formatIssue({ ...problem, path: {} }, locale);
    errors[block] = errors[block] ? `${errors[block]}; ${text}` : text;
  }
  return { ok: false, errors };
}
