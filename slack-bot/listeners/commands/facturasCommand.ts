import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { type BotServices, SORRY } from '../../services';
import { answerQuery } from '../../invoiceAnswers';

/** `/facturas QUERY`: acknowledged at once, answered privately through the response URL. */
export const facturasCommand = (services: BotServices) =>
  async ({ command, ack, respond, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    // Let the acknowledgement leave, and other commands waiting on the socket be acknowledged,
    // before this one's search takes the event loop: Slack gives up on an ack after 3 s.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const answer = await answerQuery(services, command.text ?? '', 0, command.user_id);
      await respond({ response_type: 'ephemeral', ...answer });
    } catch (error) {
      logger.error(`/facturas "${command.text}" by ${command.user_id} in ${command.channel_id} failed: ${(error as Error).stack ?? error}`);
      await respond({ response_type: 'ephemeral', text: SORRY[services.locale] }).catch(() => undefined);
    }
  };
