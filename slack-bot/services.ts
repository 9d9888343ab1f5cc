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
  /** How long a modal's submit may wait for its write before the modal says "saving" (answerSubmission.ts). */
  readonly submissionAckMs?: number;
}

/** The business date in the bot's zone. */
export const todayOf = (services: BotServices): IsoDate => isoDateInZone(services.now(), services.settings.timeZone);

/** For read-only answers: waits for this answer's turn, then takes the last good read (see LedgerSnapshot). */
export async function loadLedger(services: BotServices): Promise<{ read: WorkbookRead; ledger: Ledger }> {
  await services.turns.next();
  const read = await services.ledgers.current();
  return { read, ledger: buildLedger(read.book, todayOf(services), services.profile) };
}

export const canRecordPayments = (services: BotServices, userId: string): boolean => services.settings.paymentAdmins.includes(userId);

/** What the user sees when something we did not expect failed; the details go to the log. */
export const SORRY = { es: 'No pude completar eso ahora; inténtelo de nuevo en un momento.', en: 'I could not do that just now; please try again in a moment.' } as const;
