import type { Logger } from '@slack/bolt';
import type { Result, WorkbookRead } from '../core/index';
import type { Decision, WorkbookStore } from '../core/node/store';

/**
 * The last good read of the workbook, for read-only answers (searches, details, the Home tab,
 * PDFs). A command never waits for a reload while that read is younger than `maxStaleMillis`:
 * past `freshMillis` it is still served, and one refresh starts in the background. The notifier's
 * poll refreshes it too, so in steady use an answer is at most a poll interval old. Writes never
 * decide on it: `store.transact` reads fresh, and a write through `store` drops the snapshot so
 * the next answer shows it.
 */
export interface LedgerSnapshot {
  /** The last good read, refreshed in the background when old; waits only when there is none usable. */
  current(): Promise<WorkbookRead>;
  /** A fresh read (the notifier's poll), adopted as the snapshot. */
  refresh(): Promise<WorkbookRead>;
  /** The store with writes that drop the snapshot. */
  readonly store: WorkbookStore;
}

export interface LedgerSnapshotOptions {
  readonly store: WorkbookStore;
  /** Only for the snapshot's age: the bot's clock. */
  readonly now: () => Date;
  readonly freshMillis: number;
  readonly maxStaleMillis: number;
  readonly logger: Logger;
}

export function createLedgerSnapshot(options: LedgerSnapshotOptions): LedgerSnapshot {
  const { store, now, freshMillis, maxStaleMillis, logger } = options;
  let latest: { read: WorkbookRead; at: number } | undefined;
  let refreshing: Promise<WorkbookRead> | undefined;
  // Bumped by every write, so a read that started before it is never adopted after it.
  let generation = 0;

  const refresh = (): Promise<WorkbookRead> => {
    if (!refreshing) {
      const started = generation;
      const at = now().getTime();
      const pending: Promise<WorkbookRead> = store
        .read()
        .then((read) => {
          if (started === generation) latest = { read, at };
          return read;
        })
        .finally(() => {
          if (refreshing === pending) refreshing = undefined;
        });
      refreshing = pending;
    }
    return refreshing;
  };

  return {
    async current() {
      const age = latest ? now().getTime() - latest.at : Infinity;
      if (!latest || age >= maxStaleMillis) return refresh();
      if (age >= freshMillis && !refreshing) {
        refresh().catch((error: unknown) => logger.warn(`Refreshing ${store.description} in the background failed; answers keep the last read: ${(error as Error).message}`));
      }
      return latest.read;
    },
    refresh,
    store: {
      description: store.description,
      read: () => store.read(),
      async transact<T>(decide: (read: WorkbookRead) => Decision<T>): Promise<Result<T>> {
        try {
          return await store.transact(decide);
        } finally {
          generation++;
          latest = undefined;
          refreshing = undefined;
        }
      },
    },
  };
}
