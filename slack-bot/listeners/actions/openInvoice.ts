import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type BotServices, SORRY } from '../../services';
import { answerDetail } from '../../invoiceAnswers';

/** "Ver" on a search result: the document's detail, as a new private message under the list. */
export const openInvoice =
  (services: BotServices) =>
  async ({ ack, action, body, respond, logger }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const answer = await answerDetail(services, action.value ?? '', body.user.id);
      await respond({ response_type: 'ephemeral', replace_original: false, ...answer });
    } catch (error) {
      logger.error(`Opening ${action.value} for ${body.user.id} failed: ${(error as Error).stack ?? error}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY[services.locale] }).catch(() => undefined);
    }
  };
