import type { HistoryEntry } from '../core';

/**
 * The next `H-00042` after the highest id in Historial. Computed inside the workbook lock,
 * so two writers never pick the same one.
 */
export function nextHistoryId(history: readonly HistoryEntry[]): string {
  let highest = 0;
  for (const entry of history) {
    const match = /^H-(\d+)$/.exec(entry.id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `H-${String(highest + 1).padStart(5, '0')}`;
}
