import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findDocument, formatIssue, issue } from '../../../core/index';
import { promiseModal } from '../../blocks/promiseModal';
import { fallbackText } from '../../blocks/text';
import { type BotServices, SORRY, canRecordPayments, loadLedger, todayOf } from '../../services';

/** Opens the promise modal for payment administrators; anyone else is told politely and nothing opens. */
export const recordPromiseAction =
  (services: BotServices) =>
  async ({ ack, action, body, client, respond, logger }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      if (!canRecordPayments(services, body.user.id)) {
        logger.warn(`Promise button pressed by ${body.user.id}, who is not in SLACK_PAYMENT_ADMINS`);
        await respond({ response_type: 'ephemeral', replace_original: false, text: formatIssue(issue('notAllowed'), services.locale) });
        return;
      }
      const { ledger } = await loadLedger(services);
      const found = findDocument(ledger, action.value ?? '');
      if (!found.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: fallbackText(found.issues.map((i) => formatIssue(i, services.locale)).join('\n')) });
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: promiseModal(found.value, todayOf(services), { key: action.value ?? '', channel: body.channel?.id ?? null }, services.profile, services.locale),
      });
    } catch (error) {
      logger.error(`Opening the promise form for ${action.value} (${body.user.id}) failed: ${(error as Error).stack ?? error}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY[services.locale] }).catch(() => undefined);
    }
  };
