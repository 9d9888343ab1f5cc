import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type BotServices, SORRY } from '../../services';
import { answerQuery } from '../../invoiceAnswers';
import { PAGE_BUTTON_VALUE, STALE_PAYLOAD, decodePayload } from '../../blocks/payloads';

/** Paging buttons replace the list in place with the previous or next page. */
export const resultsPage =
  (services: BotServices) =>
  async ({ ack, action, body, respond, logger }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const value = decodePayload(PAGE_BUTTON_VALUE, action.value);
      if (!value) {
        logger.warn(`Paging button from ${body.user.id} carried an unreadable value; nothing done`);
        await respond({ response_type: 'ephemeral', replace_original: false, text: STALE_PAYLOAD[services.locale] });
        return;
      }
      const answer = await answerQuery(services, value.q, value.o, body.user.id);
      await respond({ response_type: 'ephemeral', replace_original: true, ...answer });
    } catch (error) {
      logger.error(`Paging "${action.value}" for ${body.user.id} failed: ${(error as Error).stack ?? error}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY[services.locale] }).catch(() => undefined);
    }
  };
