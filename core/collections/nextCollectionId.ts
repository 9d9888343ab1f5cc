import type { CollectionEntry } from './types';

/**
 * The next `G-00042` after the highest id in Gestiones, planned from a fresh read under the
 * writer's lock like Historial's `H-` ids. `alreadyPlanned` counts entries the same plan appends first.
 */
export function nextCollectionId(entries: readonly CollectionEntry[], alreadyPlanned = 0): string {
  let highest = 0;
  for (const entry of entries) {
    const match = /^G-(\d+)$/.exec(entry.id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `G-${String(highest + 1 + alreadyPlanned).padStart(5, '0')}`;
}
