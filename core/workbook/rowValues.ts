import type { CellValue } from './changes';
import type { TabLayout } from './readWorkbook';

/** Lays out values by column key in the order of the sheet's header; unknown columns stay empty. */
export function rowValues(layout: TabLayout, byKey: Readonly<Record<string, CellValue>>): CellValue[] {
  const values: CellValue[] = layout.header.map(() => null);
  for (const [key, value] of Object.entries(byKey)) {
    const index = layout.columns[key];
    if (index !== undefined) values[index] = value;
  }
  return values;
}
