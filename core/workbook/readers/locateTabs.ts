import { type Issue, issue } from '../../issues/issue';
import { cellText, isBlank } from '../cells';
import { type TabId, TABS, TAB_IDS, findTabName, mapColumns } from '../schema';
import type { TabLayout, WorkbookTables } from './readContext';

/** Where each tab and each of its columns is; a missing tab or required column is reported and that tab left unread. */
export function locateTabs(tables: WorkbookTables, issues: Issue[]): Partial<Record<TabId, TabLayout>> {
  const layout: Partial<Record<TabId, TabLayout>> = {};
  const sheetNames = Object.keys(tables);
  for (const id of TAB_IDS) {
    const spec = TABS[id];
    const sheetName = findTabName(spec, sheetNames);
    const sameMeaning = sheetNames.filter((name) => findTabName(spec, [name]) !== undefined);
    // Facturas and Invoices both present: the first is read, and every write is refused until one is left.
    if (sameMeaning.length > 1) issues.push(issue('duplicateTab', { tab: id }, { tab: spec.name, names: sameMeaning.join(', ') }));
    if (sheetName === undefined) {
      issues.push(issue('missingTab', { tab: id }, { tab: spec.name }));
      continue;
    }
    const values = tables[sheetName] ?? [];
    const header = (values[0] ?? []).map((c) => cellText(c));
    const columns = mapColumns(spec, header);
    const missing = spec.columns.filter((c) => c.required && columns[c.key] === undefined);
    for (const column of missing) issues.push(issue('missingColumn', { tab: id, column: column.header }, { column: column.header, alias: column.alias }));
    if (missing.length > 0) continue;
    let lastRow = values.length;
    while (lastRow > 1 && (values[lastRow - 1] ?? []).every(isBlank)) lastRow--;
    layout[id] = { id, sheetName, header, columns, lastRow: Math.max(1, lastRow) };
  }
  return layout;
}
