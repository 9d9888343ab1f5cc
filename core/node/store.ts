import type { ChangePlan, Result, WorkbookRead } from '../index';

/** What a decision over a fresh read returns: the writes to make and what to tell the caller. */
export type Decision<T> = Result<{ readonly plan: ChangePlan; readonly outcome: T }>;

/**
 * The system of record as Node faces see it: the local .xlsx file or the Google Sheet.
 * `transact` reads fresh under an exclusive lock, asks `decide` for a plan, applies only
 * those cells and rows, and releases; when `decide` fails nothing is written.
 */
export interface WorkbookStore {
  read(): Promise<WorkbookRead>;
  transact<T>(decide: (read: WorkbookRead) => Decision<T>): Promise<Result<T>>;
  /** For logs and errors: the file path or the sheet id, never a credential. */
  readonly description: string;
}

/**
 * A write went through, but the read after it shows what only a concurrent writer can cause (a
 * Historial id used twice, a balance below zero). The change is in the sheet and must be checked
 * there by a person; the store does not try to undo it, since the other writer may depend on it.
 */
export class WriteConflictError extends Error {
  override readonly name = 'WriteConflictError';
  constructor(
    readonly where: string,
    readonly duplicateHistoryIds: readonly string[],
    readonly negativeBalances: readonly string[],
  ) {
    const parts = [
      ...(duplicateHistoryIds.length > 0 ? [`Historial id used twice: ${duplicateHistoryIds.join(', ')}`] : []),
      ...(negativeBalances.length > 0 ? [`balance below zero: ${negativeBalances.join(', ')}`] : []),
    ];
    super(`${where} was written by someone else at the same moment as this change (${parts.join('; ')}); the change was written, check the sheet`);
  }
}
