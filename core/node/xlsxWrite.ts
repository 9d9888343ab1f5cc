import type ExcelJS from 'exceljs';
import { type CellValue, type ChangePlan, type TabId, type TabLayout, isDateValue, isInstantValue } from '../index';

export const DATE_FORMAT = 'dd-mm-yyyy';
export const INSTANT_FORMAT = 'dd-mm-yyyy hh:mm:ss';

/**
 * Dates become UTC-midnight Date cells (exceljs stores them as the serial of that calendar day),
 * instants Date cells with time. Strings stay strings: exceljs only writes a formula
 * when given `{ formula }`, so text starting with `=` is stored as text.
 */
export function writeCell(cell: ExcelJS.Cell, value: CellValue): void {
  if (isDateValue(value)) {
    const [y, m, d] = value.date.split('-').map(Number);
    cell.value = new Date(Date.UTC(y!, m! - 1, d!));
    cell.numFmt = DATE_FORMAT;
  } else if (isInstantValue(value)) {
    cell.value = new Date(value.instant);
    cell.numFmt = INSTANT_FORMAT;
  } else {
    cell.value = value;
  }
}

const cloneStyle = (style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> => JSON.parse(JSON.stringify(style)) as Partial<ExcelJS.Style>;

/** Writes only the plan's cells and appended rows; everything else in the workbook is left as read. */
export function applyPlan(workbook: ExcelJS.Workbook, layout: Readonly<Partial<Record<TabId, TabLayout>>>, plan: ChangePlan): void {
  const sheetOf = (tab: TabId): { sheet: ExcelJS.Worksheet; tabLayout: TabLayout } => {
    const tabLayout = layout[tab];
    const sheet = tabLayout ? workbook.getWorksheet(tabLayout.sheetName) : undefined;
    if (!tabLayout || !sheet) throw new Error(`The change plan writes to the ${tab} tab, which this workbook does not have.`);
    return { sheet, tabLayout };
  };
  for (const update of plan.updates) {
    const { sheet } = sheetOf(update.tab);
    writeCell(sheet.getRow(update.row).getCell(update.column + 1), update.value);
  }
  const nextRow = new Map<TabId, number>();
  for (const append of plan.appends) {
    const { sheet, tabLayout } = sheetOf(append.tab);
    const rowNumber = nextRow.get(append.tab) ?? tabLayout.lastRow + 1;
    nextRow.set(append.tab, rowNumber + 1);
    const row = sheet.getRow(rowNumber);
    // A new row looks like the data row above it (formats, fonts), never like the header.
    const above = rowNumber > 2 ? sheet.getRow(rowNumber - 1) : undefined;
    append.values.forEach((value, index) => {
      const cell = row.getCell(index + 1);
      const model = above?.getCell(index + 1);
      if (model && Object.keys(model.style ?? {}).length > 0) cell.style = cloneStyle(model.style);
      writeCell(cell, value);
    });
  }
}
