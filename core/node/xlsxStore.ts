import { type Result, type WorkbookRead, CHILE, type TaxProfile, ok, readWorkbook } from '../index';
import type { Decision, WorkbookStore } from './store';
import { WorkbookNotFoundError, fileExists, removeAbandonedTemporaries, saveBytesAtomically } from './xlsxFile';
import { lockWorkbook } from './xlsxLock';
import { readXlsxTables } from './xlsxRead';
import { applyPlan } from './xlsxWrite';

export interface XlsxStoreOptions {
  readonly profile?: TaxProfile;
  /** How long to keep retrying for the lock while other processes write; default three minutes. */
  readonly lockWaitMs?: number;
}

/**
 * A live writer keeps its lock refreshed and will finish; a dead one's lock is taken over at once.
 * So the wait is generous: four pays at once on a 100,000-document book queue behind three writes
 * of several seconds each (much longer on a loaded machine), and every one of them must land.
 */
const DEFAULT_LOCK_WAIT_MS = 180_000;

/** Date cells read as Dates at UTC midnight of the calendar day (serial days carry no zone). */
const XLSX_TIME_ZONE = 'UTC';

/**
 * The local .xlsx as the system of record. Reads need no lock (writes replace the file atomically)
 * and stream each sheet out of the zip; `transact` holds an exclusive inter-process lock while it
 * reads fresh, decides and writes only the sheet parts the plan touches.
 */
export function openXlsxStore(filePath: string, options: XlsxStoreOptions = {}): WorkbookStore {
  const profile = options.profile ?? CHILE;
  const readFresh = async () => {
    const { pkg, tables } = await readXlsxTables(filePath);
    return { pkg, read: readWorkbook(tables, { profile, timeZone: XLSX_TIME_ZONE }) };
  };

  return {
    description: filePath,
    async read(): Promise<WorkbookRead> {
      // A copy whose writer was killed is garbage whoever finds it; a live writer's is left alone.
      await removeAbandonedTemporaries(filePath);
      return (await readFresh()).read;
    },
    async transact<T>(decide: (read: WorkbookRead) => Decision<T>): Promise<Result<T>> {
      if (!(await fileExists(filePath))) throw new WorkbookNotFoundError(filePath);
      const lock = await lockWorkbook(filePath, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
      try {
        // Under the lock no other writer is mid-write: copies left by a killed one can go.
        await removeAbandonedTemporaries(filePath);
        const { pkg, read } = await readFresh();
        const decision = decide(read);
        if (!decision.ok) return decision;
        const bytes = await applyPlan(pkg, read.layout, decision.value.plan, new Date());
        await saveBytesAtomically(bytes, filePath, {
          beforeRename: () => {
            const lost = lock.compromised();
            if (lost) throw new Error(`The lock on ${filePath} was lost while writing (${lost.message}); nothing was written.`);
          },
        });
        return ok(decision.value.outcome);
      } finally {
        await lock.release();
      }
    },
  };
}
