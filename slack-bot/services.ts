import { type IsoDate, type Ledger, type Locale, type TaxProfile, type WorkbookRead, buildLedger, isoDateInZone } from '../core/index';
import type { WorkbookStore } from '../core/node/store';
import type { BotSettings } from './settings';

/** What every listener, the notifier and the scheduler share; built once in startBot. */
export interface BotServices {
  readonly settings: BotSettings;
  readonly store: WorkbookStore;
  readonly profile: TaxProfile;
  readonly locale: Locale;
  /** The only clock the bot's logic reads. */
  readonly now: () => Date;
}

export const todayOf = (services: BotServices): IsoDate => isoDateInZone(services.now(), services.settings.timeZone);

export async function loadLedger(services: BotServices): Promise<{ read: WorkbookRead; ledger: Ledger }> {
  const read = await services.store.read();
  return { read, ledger: buildLedger(read.book, todayOf(services), services.profile) };
}

export const canRecordPayments = (services: BotServices, userId: string): boolean => services.settings.paymentAdmins.includes(userId);

/** What the user sees when something we did not expect failed; the details go to the log. */
export const SORRY = { es: 'No pude completar eso ahora; inténtelo de nuevo en un momento.', en: 'I could not do that just now; please try again in a moment.' } as const;
