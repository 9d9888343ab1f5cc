import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findDocument, formatIssue, issue } from '../../../core/index';
import { type BotServices, SORRY, canRecordPayments, loadLedger, todayOf } from '../../services';
import { paymentModal } from '../../blocks/paymentModal';
import { fallbackText } from '../../blocks/text';
import { PAYMENT_BUTTON_VALUE, STALE_PAYLOAD, decodePayload } from '../../blocks/payloads';

/** Opens the payment modal for administrators; anyone else is told politely and nothing opens. */
export const recordPayment =
  (services: BotServices) =>
  async ({ ack, action, body, client, respond, logger }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      if (!canRecordPayments(services, body.user.id)) {
        logger.warn(`Payment button pressed by ${body.user.id}, who is not in SLACK_PAYMENT_ADMINS`);
        await respond({ response_type: 'ephemeral', replace_original: false, text: formatIssue(issue('notAllowed'), services.locale) });
        return;
      }
      const shown = decodePayload(PAYMENT_BUTTON_VALUE, action.value);
      if (!shown) {
        logger.warn(`Payment button from ${body.user.id} carried an unreadable value; no form opened`);
        await respond({ response_type: 'ephemeral', replace_original: false, text: STALE_PAYLOAD[services.locale] });
        return;
      }
      const { ledger } = await loadLedger(services);
      const found = findDocument(ledger, shown.key);
      if (!found.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: fallbackText(found.issues.map((i) => formatIssue(i, services.locale)).join('\n')) });
        return;
      }
      const view = found.value;
      await client.views.open({
        trigger_id: body.trigger_id,
        view: paymentModal(view, todayOf(services), { key: shown.key, expectedBalance: shown.balance, channel: body.channel?.id ?? null }, services.profile, services.locale),
      });
    } catch (error) {
      logger.error(`Opening the payment form for ${action.value} (${body.user.id}) failed: ${(error as Error).stack ?? error}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY[services.locale] }).catch(() => undefined);
    }
  };
