import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { type BotServices, SORRY } from '../../services';
import { answerMessageText } from '../../invoiceAnswers';

export const SEARCH_INVOICE_SHORTCUT = 'search_invoice';

/** "Buscar factura" on any message: searches with its text and answers privately. */
export const searchInvoiceShortcut =
  (services: BotServices) =>
  async ({ ack, shortcut, respond, client, logger }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const reply = async (message: { text: string; blocks?: unknown[] }) => {
      if (shortcut.response_url) await respond({ response_type: 'ephemeral', ...(message as { text: string }) });
      else await client.chat.postEphemeral({ channel: shortcut.channel.id, user: shortcut.user.id, text: message.text });
    };
    try {
      await reply(await answerMessageText(services, shortcut.message.text ?? ''));
    } catch (error) {
      logger.error(`"Buscar factura" by ${shortcut.user.id} in ${shortcut.channel.id} failed: ${(error as Error).stack ?? error}`);
      await reply({ text: SORRY[services.locale] }).catch(() => undefined);
    }
  };
