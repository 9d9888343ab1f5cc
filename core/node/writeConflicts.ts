import { buildLedger, documentKey } from '../index';
import type { TaxProfile, WorkbookRead } from '../index';

/** Every payment counts, whatever its date: a balance below zero on any day is a double payment. */
const END_OF_TIME = '9999-12-31';

export interface WriteConflict {
  /** Historial ids now used by more than one line, that were not before. */
  readonly duplicateHistoryIds: readonly string[];
  /** Documents whose balance went below zero, as `33-1003`. */
  readonly negativeBalances: readonly string[];
}

const duplicates = (ids: readonly string[]): Set<string> => {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return twice;
};

const negatives = (read: WorkbookRead, profile: TaxProfile): Set<string> =>
  new Set(
    buildLedger(read.book, END_OF_TIME, profile)
      .views.filter((v) => v.balance < 0)
      .map((v) => documentKey(v)),
  );

/**
 * What a write made wrong that a store without a shared lock cannot rule out beforehand: another
 * client wrote between our last check and our batch, so two lines share a Historial id or a
 * document was paid past its total. Only what is new since `before` counts, so an old mistake in
 * the sheet does not fail every later write. Undefined when the write left nothing of the kind.
 */
export function writeConflicts(before: WorkbookRead, after: WorkbookRead, profile: TaxProfile): WriteConflict | undefined {
  const oldDuplicates = duplicates(before.book.history.map((h) => h.id));
  const duplicateHistoryIds = [...duplicates(after.book.history.map((h) => h.id))].filter((id) => !oldDuplicates.has(id));
  const oldNegatives = negatives(before, profile);
  const negativeBalances = [...negatives(after, profile)].filter((key) => !oldNegatives.has(key));
  return duplicateHistoryIds.length === 0 && negativeBalances.length === 0 ? undefined : { duplicateHistoryIds, negativeBalances };
}
