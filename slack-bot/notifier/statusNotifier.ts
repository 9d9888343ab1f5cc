import type { Logger } from '@slack/bolt';
import { type HistoryEntry, documentKey } from '../../core/index';
import type { BotServices } from '../services';
import { type BotState, historyDeliveryKey as keyOf } from '../state/botState';
import type { SlackDelivery } from '../delivery/slackDelivery';
import { statusChangeMessage } from '../blocks/statusChange';

export interface StatusNotifier {
  /** Posts every Historial entry not yet posted (by any replica); returns how many this bot posted. */
  pollOnce(): Promise<number>;
}

/** Keyed by the entry's ID (or its row, for a hand-typed line without one): Historial is append-only. */
export const historyDeliveryKey = (entry: HistoryEntry): string => keyOf(entry.id);

/**
 * Watches Historial, whoever wrote it (sidebar, Slack, CLI, a hand edit), and posts each new
 * entry to SLACK_NOTIFY_CHANNEL once. The entries already there at the very first start are
 * taken as known, so installing the bot does not replay the company's whole history.
 */
export function createStatusNotifier(services: BotServices, state: BotState, delivery: SlackDelivery, logger: Logger): StatusNotifier {
  return {
    async pollOnce() {
      const channel = services.settings.notifyChannel;
      if (!channel) return 0;
      // A fresh read, which also refreshes the snapshot the answers use.
      const read = await services.ledgers.refresh();
      const entries = read.book.history;
      const keys = entries.map(historyDeliveryKey);
      if (!(await state.isBaselineTaken())) {
        if (await state.takeBaseline(keys)) logger.info(`Notifier started: ${entries.length} existing Historial entries taken as already posted`);
        return 0;
      }
      await delivery.settleAbandoned();
      const due = new Set(await state.undelivered(keys));
      if (due.size === 0) return 0;
      const documents = new Map(read.book.documents.map((d) => [documentKey(d), d]));
      let posted = 0;
      for (const entry of entries) {
        const key = historyDeliveryKey(entry);
        if (!due.has(key)) continue;
        const message = statusChangeMessage(entry, documents.get(documentKey(entry)), services.profile, services.locale);
        const outcome = await delivery.deliverOnce(key, { channel }, message);
        if (outcome === 'stopped') break;
        if (outcome === 'sent') posted++;
      }
      return posted;
    },
  };
}
