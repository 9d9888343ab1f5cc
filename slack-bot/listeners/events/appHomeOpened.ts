import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { agingReport, statusSummary } from '../../../core/index';
import { type BotServices, loadLedger } from '../../services';
import { homeView } from '../../blocks/homeView';

/** The Home tab shows the receivables summary each time it is opened. */
export const appHomeOpened =
  (services: BotServices) =>
  async ({ event, client, logger }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      const { read, ledger } = await loadLedger(services);
      const view = homeView(statusSummary(ledger, services.profile), agingReport(ledger, services.profile), read.issues.length, services.locale);
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      logger.error(`Publishing the Home tab for ${event.user} failed: ${(error as Error).stack ?? error}`);
    }
  };
