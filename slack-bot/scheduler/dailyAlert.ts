import { agingReport, isoDateInZone } from '../../core/index';
import { type BotServices, loadLedger } from '../services';
import { type BotState, alertDeliveryKey } from '../state/botState';
import type { SlackDelivery } from '../delivery/slackDelivery';
import { pendingAlertMessage } from '../blocks/pendingAlert';
import { withRcvClaims } from '../blocks/rcvClaims';
import { loadLastClaims } from '../../core/node/siiClaimsFile';
import { collectionsAlertBlocks, withCollectionsBlocks } from '../blocks/collectionsAlert';

export interface DailyAlert {
  /** Sends today's alert to each manager who has not had it yet, once the alert time has come. */
  checkOnce(): Promise<number>;
}

function minutesIntoDay(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

export { alertDeliveryKey };

/**
 * The pending-payment alert, by direct message, at FACTURAS_ALERT_TIME in FACTURAS_TIMEZONE.
 * "Sent today" is kept per manager in the bot state, so a restart after the alert time
 * neither sends it again nor misses it; a bot started after the time sends it then. With
 * several replicas each manager's alert is claimed by one of them.
 */
export function createDailyAlert(services: BotServices, state: BotState, delivery: SlackDelivery): DailyAlert {
  return {
    async checkOnce() {
      const { managerIds, alertTime, timeZone } = services.settings;
      const now = services.now();
      if (managerIds.length === 0 || minutesIntoDay(now, timeZone) < alertTime.hour * 60 + alertTime.minute) return 0;
      const today = isoDateInZone(now, timeZone);
      await delivery.settleAbandoned();
      const due = await state.undelivered(managerIds.map((manager) => alertDeliveryKey(manager, today)));
      if (due.length === 0) return 0;
      const { read, ledger } = await loadLedger(services);
      // The last `facturas sii reconcile` beside the local workbook (docs/sii.md); none on Google Sheets.
      const claims = services.settings.googleSheetId ? null : await loadLastClaims(services.settings.workbookPath);
      const message = withRcvClaims(
        withCollectionsBlocks(
          pendingAlertMessage(agingReport(ledger, services.profile), services.profile, services.locale),
          collectionsAlertBlocks(read.book, services.profile, today, services.locale),
        ),
        claims, services.profile, services.locale,
      );
      let sent = 0;
      for (const manager of managerIds) {
        const key = alertDeliveryKey(manager, today);
        if (!due.includes(key)) continue;
        const outcome = await delivery.deliverOnce(key, { user: manager }, message);
        if (outcome === 'stopped') break;
        if (outcome === 'sent') sent++;
      }
      return sent;
    },
  };
}
