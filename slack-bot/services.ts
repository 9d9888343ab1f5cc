import { type IsoDate, type Ledger, type Locale, type TaxProfile, type WorkbookRead, buildLedger, isoDateInZone } from '../core/index';
import type { WorkbookStore } from '../core/node/store';
import type { BotSettings } from './settings';
import type { LedgerSnapshot } from './ledgerSnapshot';
import type { Turns } from './turns';

/** What every listener, the notifier and the scheduler share; built once in startBot. */
export interface BotServices {
  readonly settings: BotSettings;
  /** For writes and fresh reads; a write through it drops `ledgers`' snapshot. */
  readonly store: WorkbookStore;
  /** The last good read, for read-only answers. */
  readonly ledgers: LedgerSnapshot;
  /** One answer's work per event-loop turn, so acknowledgements go first. */
  readonly turns: Turns;
  readonly profile: TaxProfile;
  readonly locale: Locale;
  /** The only clock the bot's logic reads. */
  readonly now: () => Date;
}

const todayByMinute = new WeakMap<BotServices, { minute: number; today: IsoDate }>();

/**
 * The business date in the bot's zone. isoDateInZone builds an Intl formatter (about 0.3 ms), so the
 * date is kept for the minute: every zone's offset is a whole number of minutes, so a day starts on one.
 */
export function todayOf(services: BotServices): IsoDate {
  const now = services.now();
  const minute = Math.floor(now.getTime() / 60_000);
  const known = todayByMinute.get(services);
  if (known?.minute === minute) return known.today;
  const today = isoDateInZone(now, services.settings.timeZone);
  todayByMinute.set(services, { minute, today });
  return today;
}

/** For read-only answers: waits for this answer's turn, then takes the last good read (see LedgerSnapshot). */
export async function loadLedger(services: BotServices): Promise<{ read: WorkbookRead; ledger: Ledger }> {
  await services.turns.next();
  const read = await services.ledgers.current();
  return { read, ledger: buildLedger(read.book, todayOf(services), services.profile) };
}

export const canRecordPayments = (services: BotServices, userId: string): boolean => services.settings.paymentAdmins.includes(userId);

/** What the user sees when something we did not expect failed; the details go to the log. */
export const SORRY = { es: 'No pude completar eso ahora; inténtelo de nuevo en un momento.', en: 'I could not do that just now; please try again in a moment.' } as const;
