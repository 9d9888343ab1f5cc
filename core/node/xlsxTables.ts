import type ExcelJS from 'exceljs';
import type { Cell, SheetValues, WorkbookTables } from '../index';

type ExcelValue = ExcelJS.CellValue | undefined;

/** A cell as core reads it: formulas give their result, rich text and links their plain text. */
export function plainCellValue(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainCellValue((value as { result?: ExcelValue }).result ?? null);
  if ('hyperlink' in value) return plainCellValue((value as { text?: ExcelValue }).text ?? null);
  if ('error' in value) return String(value.error);
  return null;
}

/** Every row of a sheet as a dense array of cells, row 1 (the header) first. */
export function worksheetValues(sheet: ExcelJS.Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  const width = Math.max(sheet.columnCount, sheet.actualColumnCount);
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = new Array<Cell>(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // Merged cells repeat their master's value in exceljs; only the master holds it.
      cells[columnNumber - 1] = cell.isMerged && cell.master !== cell ? null : plainCellValue(cell.value);
    });
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = new Array<Cell>(width).fill(null);
  return rows;
}

export function workbookTables(workbook: ExcelJS.Workbook): WorkbookTables {
  const tables: Record<string, SheetValues> = {};
  for (const sheet of workbook.worksheets) tables[sheet.name] = worksheetValues(sheet);
  return tables;
}
