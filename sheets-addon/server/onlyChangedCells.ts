import { type CellValue, type ChangePlan, type TabId, type TabLayout, type WorkbookTables, cellText, isDateValue, isInstantValue } from '../../core';

const sameValue = (current: unknown, next: CellValue): boolean => {
  if (next === null) return current === null || current === undefined || current === '';
  if (isDateValue(next) || isInstantValue(next)) return false;
  if (typeof next === 'number') return typeof current === 'number' && current === next;
  return cellText(current as string) === String(next);
};

/** Drops planned cells that already hold their value: a write touches only what changes. */
export function onlyChangedCells(plan: ChangePlan, tables: WorkbookTables, layout: Readonly<Partial<Record<TabId, TabLayout>>>): ChangePlan {
  const updates = plan.updates.filter((update) => {
    const sheetName = layout[update.tab]?.sheetName;
    const current = sheetName === undefined ? undefined : tables[sheetName]?.[update.row - 1]?.[update.column];
    return !sameValue(current, update.value);
  });
  return { updates, appends: plan.appends };
}
