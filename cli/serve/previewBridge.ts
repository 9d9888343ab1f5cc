import { type ChangePlan, type Locale, type TaxProfile, type WorkbookRead, type WorkbookTables, CHILE, fail, issue, ok, readWorkbook } from '../../core';
import type { WorkbookStore } from '../../core/node/store';
import { type ServerFunctionName, SIDEBAR_FUNCTIONS, createServerApi } from '../../sheets-addon/server/api';
import { previewMessages } from './previewMessages';
import { type PendingWrite, PreviewSpreadsheetPort } from './previewPort';
import { type PreviewMailbox, previewSession } from './previewServices';

export interface PreviewBridgeOptions {
  readonly store: WorkbookStore;
  /** The workbook's sheets as exceljs reads them, fresh on every call. */
  readonly loadTables: () => Promise<WorkbookTables>;
  readonly mailbox: PreviewMailbox;
  readonly user: string;
  /** FACTURAS_TIMEZONE: decides today and how times read. */
  readonly timeZone: string;
  /** --as-of: the business date, when pinned. */
  readonly asOf?: string;
  readonly now: () => Date;
  readonly profile?: TaxProfile;
  /** The language of the command line, until the sidebar saves one of its own. */
  readonly locale?: Locale;
  /** Changes whenever the file does (modification time and size): another process's write counts as a write. */
  readonly fileStamp?: () => Promise<string>;
}

export class UnknownFunctionError extends Error {}

const ATTEMPTS = 3;

/**
 * The API decided on the snapshot (balances, the next Historial id, the rows it touches), so its
 * writes stand only if the file still reads the same: anything written since, by `facturas pay`,
 * the bot or a hand edit, sends the call round again on a fresh snapshot.
 */
const unchangedSince = (snapshot: WorkbookRead, fresh: WorkbookRead): boolean => JSON.stringify([snapshot.book, snapshot.layout]) === JSON.stringify([fresh.book, fresh.layout]);

const merged = (pending: readonly PendingWrite[]): ChangePlan => ({
  updates: pending.flatMap((p) => p.plan.updates),
  appends: pending.flatMap((p) => p.plan.appends),
});

/**
 * Runs the add-on's own server API for `facturas serve`: each call gets a fresh snapshot of the
 * .xlsx, the API runs unchanged over it, and what it wrote is written to the file under the
 * store's lock, provided the file has not changed since the snapshot (else it runs again).
 * Calls are served one at a time, as Apps Script's document lock would.
 */
export function createPreviewBridge(options: PreviewBridgeOptions) {
  const profile = options.profile ?? CHILE;
  const session = previewSession(options.user, options.timeZone, options.asOf, options.now);
  let queue: Promise<unknown> = Promise.resolve();
  const locale = (): Locale => session.savedLocale() ?? options.locale ?? 'es';
  // The sidebar's version check counts writes; an .xlsx has nowhere to keep the count, so the
  // preview keeps it, counting its own writes and every change of the file it did not make.
  let writes = 0;
  let seenStamp: string | null = null;
  const noticeFile = async (): Promise<void> => {
    const stamp = options.fileStamp ? await options.fileStamp() : null;
    if (seenStamp !== null && stamp !== seenStamp) writes++;
    seenStamp = stamp;
  };

  async function callOnce(name: ServerFunctionName, args: readonly unknown[]): Promise<unknown> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      await noticeFile();
      const tables = await options.loadTables();
      const port = new PreviewSpreadsheetPort(tables, locale, writes);
      const api = createServerApi({ sheet: port, mail: options.mailbox, session, environment: 'preview' });
      const result = (api[name] as (...a: unknown[]) => unknown)(...args);
      await options.mailbox.flush();
      if (port.pending.length === 0) return result;
      const snapshot = readWorkbook(tables, { profile, timeZone: port.timeZone() });
      const written = await options.store.transact((fresh) => (unchangedSince(snapshot, fresh) ? ok({ plan: merged(port.pending), outcome: true }) : fail(issue('documentChanged'))));
      if (written.ok) {
        writes = port.writes;
        seenStamp = options.fileStamp ? await options.fileStamp() : null;
        return result;
      }
    }
    throw new Error(previewMessages(locale()).changedWhileSaving);
  }

  return {
    call(name: string, args: readonly unknown[]): Promise<unknown> {
      if (!(SIDEBAR_FUNCTIONS as readonly string[]).includes(name)) return Promise.reject(new UnknownFunctionError(name));
      const next = queue.then(() => callOnce(name as ServerFunctionName, args));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
