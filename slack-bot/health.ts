import type { WorkbookRead } from '../core/index';
import type { WorkbookStore } from '../core/node/store';
import type { BotState } from './state/botState';

/** What /healthz reports: the state (database or file) and the workbook's last reads. */
export interface HealthReport {
  readonly ok: boolean;
  readonly state: { readonly kind: string; readonly ok: boolean; readonly error?: string };
  readonly sheet: { readonly lastSuccessAt: string | null; readonly lastFailureAt: string | null; readonly lastError: string | null };
}

export interface SheetReads {
  /** The store, its reads recorded here (every workspace's store, with OAuth). */
  watch(store: WorkbookStore): WorkbookStore;
  readonly lastSuccessAt: () => Date | null;
  readonly lastFailure: () => { at: Date; message: string } | null;
}

/** Records when a workbook read last worked and last failed (machine time: operators compare it with theirs). */
export function sheetReadRecorder(): SheetReads {
  let success: Date | null = null;
  let failure: { at: Date; message: string } | null = null;
  const watched = <T>(work: Promise<T>): Promise<T> =>
    work.then(
      (value) => {
        success = new Date();
        return value;
      },
      (error: unknown) => {
        failure = { at: new Date(), message: (error as Error).message };
        throw error;
      },
    );
  return {
    watch(store) {
      const read = (): Promise<WorkbookRead> => watched(store.read());
      // A proxy, so whatever else the store offers passes through untouched.
      return new Proxy(store, {
        get(target, property) {
          if (property === 'read') return read;
          const value: unknown = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
    lastSuccessAt: () => success,
    lastFailure: () => failure,
  };
}

/** Healthy when the state answers and the last sheet read, if any, did not fail after the last good one. */
export async function healthReport(state: BotState, stateKind: string, reads: SheetReads): Promise<HealthReport> {
  let stateError: string | undefined;
  try {
    await state.check();
  } catch (error) {
    stateError = (error as Error).message;
  }
  const success = reads.lastSuccessAt();
  const failure = reads.lastFailure();
  const sheetOk = failure === null || (success !== null && success >= failure.at);
  return {
    ok: stateError === undefined && sheetOk,
    state: { kind: stateKind, ok: stateError === undefined, ...(stateError !== undefined ? { error: stateError } : {}) },
    sheet: { lastSuccessAt: success?.toISOString() ?? null, lastFailureAt: failure?.at.toISOString() ?? null, lastError: failure?.message ?? null },
  };
}
