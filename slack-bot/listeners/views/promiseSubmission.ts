import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { type Issue, buildLedger, fail, findDocument, formatDateCl, formatIssue, formatMoney, issue, ok, parseAmountCell, parseIsoDate, recordPromise } from '../../../core/index';
import { PROMISE_FIELDS } from '../../blocks/promiseModal';
import { fallbackText } from '../../blocks/text';
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
    const refuse = (problems: readonly Issue[]) => {
      const errors: Record<string, string> = {};
      for (const problem of problems) {
        const block = PROMISE_FIELDS[problem.path.field === 'date' ? 'date' : 'amount'].block;
        const text = formatIssue({ ...problem, path: {} }, locale);
        errors[block] = errors[block] ? `${errors[block]}; ${text}` : text;
      }
      return ack({ response_action: 'errors', errors });
    };
    if (!canRecordPayments(services, user)) {
      logger.warn(`Promise submission from ${user}, who is not in SLACK_PAYMENT_ADMINS; nothing written`);
      await refuse([issue('notAllowed')]);
      return;
    }
    try {
      const metadata = METADATA.parse(JSON.parse(view.private_metadata));
      const values = view.state.values;
      const dateText = values[PROMISE_FIELDS.date.block]?.[PROMISE_FIELDS.date.action]?.selected_date ?? '';
      const amountText = values[PROMISE_FIELDS.amount.block]?.[PROMISE_FIELDS.amount.action]?.value ?? '';
      const note = values[PROMISE_FIELDS.note.block]?.[PROMISE_FIELDS.note.action]?.value ?? '';
      const today = todayOf(services);
      const result = await services.store.transact((read) => {
        const date = parseIsoDate(dateText);
        if (date === null) return fail(issue('invalidDate', { field: 'date' }, { value: dateText }));
        // The amount is read in the currency of the document found under the lock.
        const found = findDocument(buildLedger(read.book, today, services.profile), metadata.key);
        const amount = amountText.trim() === '' ? undefined : parseAmountCell(amountText, found.ok ? found.value.currency : services.profile.defaultCurrency);
        if (amount === null) return fail(issue('invalidNumber', { field: 'amount' }, { value: amountText }));
        const planned = recordPromise(read, services.profile, {
          document: metadata.key,
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
        logger.info(`Promise on ${metadata.key} by ${user} refused: ${result.issues.map((i) => i.code).join(', ')}`);
        await refuse(result.issues);
        return;
      }
      await ack();
      const { entry, document } = result.value;
      const amount = formatMoney(entry.promisedAmount ?? 0, document?.currency ?? services.profile.defaultCurrency);
      const text = fallbackText(
        locale === 'es'
          ? `Promesa registrada en ${metadata.key} (${entry.id}): ${amount} a más tardar el ${formatDateCl(entry.promisedDate)}.`
          : `Promise recorded on ${metadata.key} (${entry.id}): ${amount} by ${formatDateCl(entry.promisedDate)}.`,
      );
      try {
        if (!metadata.channel) throw new Error('no channel');
        await client.chat.postEphemeral({ channel: metadata.channel, user, text });
      } catch {
        await client.chat.postMessage({ channel: user, text }).catch((error) => logger.warn(`Could not confirm the promise to ${user}: ${(error as Error).message}`));
      }
    } catch (error) {
      logger.error(`Recording a promise from ${user} failed: ${(error as Error).stack ?? error}`);
      await ack({ response_action: 'errors', errors: { [PROMISE_FIELDS.amount.block]: SORRY[locale] } }).catch(() => undefined);
    }
  };
