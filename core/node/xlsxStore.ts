import lockfile from 'proper-lockfile';
import { type Result, type WorkbookRead, CHILE, type TaxProfile, ok, readWorkbook } from '../index';
import type { Decision, WorkbookStore } from './store';
import { WorkbookNotFoundError, fileExists, loadWorkbookFile, saveWorkbookAtomically } from './xlsxFile';
import { workbookTables } from './xlsxTables';
import { applyPlan } from './xlsxWrite';

export interface XlsxStoreOptions {
  readonly profile?: TaxProfile;
  /** How long to keep retrying for the lock while other processes write; default about a minute. */
  readonly lockWaitMs?: number;
}

/** exceljs gives date cells as Dates at UTC midnight of the calendar day. */
const XLSX_TIME_ZONE = 'UTC';
/** A lock not refreshed for this long belongs to a process that died. */
const STALE_LOCK_MS = 10_000;

function lockRetries(waitMs: number) {
  // Backoff grows to half a second; enough tries to cover `waitMs` when every wait is at its cap.
  const maxTimeout = 500;
  return { retries: Math.max(10, Math.ceil(waitMs / maxTimeout)), factor: 1.5, minTimeout: 25, maxTimeout, randomize: true };
}

/**
 * The local .xlsx as the system of record. Reads need no lock (writes replace the file atomically);
 * `transact` holds an exclusive inter-process lock while it reads fresh, decides and writes.
 */
export function openXlsxStore(filePath: string, options: XlsxStoreOptions = {}): WorkbookStore {
  const profile = options.profile ?? CHILE;
  const readFresh = async () => {
    const workbook = await loadWorkbookFile(filePath);
    return { workbook, read: readWorkbook(workbookTables(workbook), { profile, timeZone: XLSX_TIME_ZONE }) };
  };

  return {
    description: filePath,
    read: async (): Promise<WorkbookRead> => (await readFresh()).read,
    async transact<T>(decide: (read: WorkbookRead) => Decision<T>): Promise<Result<T>> {
      if (!(await fileExists(filePath))) throw new WorkbookNotFoundError(filePath);
      let compromised: Error | undefined;
      const release = await lockfile.lock(filePath, {
        stale: STALE_LOCK_MS,
        retries: lockRetries(options.lockWaitMs ?? 60_000),
        realpath: false,
        onCompromised: (error) => {
          compromised = error;
        },
      });
      try {
        const { workbook, read } = await readFresh();
        const decision = decide(read);
        if (!decision.ok) return decision;
        applyPlan(workbook, read.layout, decision.value.plan);
        await saveWorkbookAtomically(workbook, filePath, {
          beforeRename: () => {
            if (compromised) throw new Error(`The lock on ${filePath} was lost while writing (${compromised.message}); nothing was written.`);
          },
        });
        return ok(decision.value.outcome);
      } finally {
        await release().catch(() => undefined);
      }
    },
  };
}
