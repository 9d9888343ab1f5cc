import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { type BotServices, SORRY } from '../../services';
import { answerQuery } from '../../invoiceAnswers';
import { CUSTOMER_COMMAND, answerCustomer } from '../../customerAnswers';

/** `/facturas QUERY`: acknowledged at once, answered privately through the response URL. */
export const facturasCommand =
  (services: BotServices) =>
  async ({ command, ack, respond, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    // The search waits for its own turn (loadLedger), so later commands are acknowledged first.
    await ack();
    try {
      const customer = CUSTOMER_COMMAND.exec(command.text ?? '');
      const answer = customer ? await answerCustomer(services, customer[2]!) : await answerQuery(services, command.text ?? '', 0, command.user_id);
      await respond({ response_type: 'ephemeral', ...answer });
    } catch (error) {
      logger.error(`/facturas "${command.text}" by ${command.user_id} in ${command.channel_id} failed: ${(error as Error).stack ?? error}`);
      await respond({ response_type: 'ephemeral', text: SORRY[services.locale] }).catch(() => undefined);
    }
  };
