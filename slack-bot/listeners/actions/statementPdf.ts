import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { formatIssue, statementDocDefinition } from '../../../core/index';
import { renderPdf } from '../../../core/node/pdf';
import { statementOf } from '../../customerAnswers';
import { fallbackText } from '../../blocks/text';
import { type BotServices, SORRY } from '../../services';

/** The customer's statement PDF, sent to the user by direct message (statements are not for channels). */
export const statementPdf =
  (services: BotServices) =>
  async ({ ack, action, body, client, respond, logger }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const found = await statementOf(services, action.value ?? '');
      if (!found.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: fallbackText(found.issues.map((i) => formatIssue(i, services.locale)).join('\n')) });
        return;
      }
      const pdf = await renderPdf(statementDocDefinition(found.statement, { profile: services.profile, issuer: found.book.issuer, locale: services.locale }));
      const dm = await client.conversations.open({ users: body.user.id });
      const compact = services.profile.compactTaxId(found.statement.customerTaxId);
      await client.files.uploadV2({ channel_id: dm.channel!.id!, file: pdf, filename: `estado-de-cuenta-${compact}.pdf`, title: found.statement.customerName });
    } catch (error) {
      logger.error(`Statement PDF of ${action.value} for ${body.user.id} failed: ${(error as Error).stack ?? error}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY[services.locale] }).catch(() => undefined);
    }
  };
