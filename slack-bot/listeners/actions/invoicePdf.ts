import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { documentKey, findDocument, formatIssue, invoicePdfOfBook } from '../../../core/index';
import { renderPdf } from '../../../core/node/pdf';
import { fallbackText } from '../../blocks/text';
import { type BotServices, SORRY, loadLedger } from '../../services';

/** The document's PDF, uploaded to the conversation; to the user's DM when the bot is not in it. */
export const invoicePdf =
  (services: BotServices) =>
  async ({ ack, action, body, client, respond, logger }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const es = services.locale === 'es';
    try {
      const { read, ledger } = await loadLedger(services);
      const found = findDocument(ledger, action.value ?? '');
      if (!found.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: fallbackText(found.issues.map((i) => formatIssue(i, services.locale)).join('\n')) });
        return;
      }
      const view = found.value;
      const key = documentKey(view);
      const pdf = await renderPdf(invoicePdfOfBook(read.book, view, { profile: services.profile, locale: services.locale, asOf: ledger.asOf, timeZone: services.settings.timeZone }));
      const upload = async (channel: string) => client.files.uploadV2({ channel_id: channel, file: pdf, filename: `factura-${key}.pdf`, title: `${es ? 'Documento' : 'Document'} ${key}` });
      const channel = body.channel?.id;
      try {
        if (!channel) throw Object.assign(new Error('no channel'), { data: { error: 'channel_not_found' } });
        await upload(channel);
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        if (code !== 'not_in_channel' && code !== 'channel_not_found') throw error;
        const dm = await client.conversations.open({ users: body.user.id });
        await upload(dm.channel!.id!);
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: fallbackText(es ? `Le envié el PDF de ${key} por mensaje directo.` : `I sent you the PDF of ${key} by direct message.`),
        });
      }
    } catch (error) {
      logger.error(`PDF of ${action.value} for ${body.user.id} failed: ${(error as Error).stack ?? error}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY[services.locale] }).catch(() => undefined);
    }
  };
