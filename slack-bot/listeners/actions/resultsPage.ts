import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { type BotServices, SORRY } from '../../services';
import { answerQuery } from '../../invoiceAnswers';

const PAGE_VALUE = z.object({ q: z.string(), o: z.number().int().min(0) });

/** Paging buttons replace the list in place with the previous or next page. */
export const resultsPage = (services: BotServices) =>
  async ({ ack, action, body, respond, logger }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const value = PAGE_VALUE.parse(JSON.parse(action.value ?? ''));
      const answer = await answerQuery(services, value.q, value.o, body.user.id);
      await respond({ response_type: 'ephemeral', replace_original: true, ...answer });
    } catch (error) {
      logger.error(`Paging "${action.value}" for ${body.user.id} failed: ${(error as Error).stack ?? error}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY[services.locale] }).catch(() => undefined);
    }
  };
