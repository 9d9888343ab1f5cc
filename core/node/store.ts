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
