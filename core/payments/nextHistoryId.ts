import type { HistoryEntry } from '../model';

/**
 * The next `H-00042` after the highest id in Historial, the same in every face. Callers plan
 * it from a fresh read inside their lock (or optimistic re-read), so two writers never pick
 * the same one; ids people can read and say on the phone beat UUIDs here.
 * `alreadyPlanned` counts the entries the same plan appends before this one.
 */
export function nextHistoryId(history: readonly HistoryEntry[], alreadyPlanned = 0): string {
  let highest = 0;
  for (const entry of history) {
    const match = /^H-(\d+)$/.exec(entry.id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `H-${String(highest + 1 + alreadyPlanned).padStart(5, '0')}`;
}
