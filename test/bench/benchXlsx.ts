import ExcelJS from 'exceljs';
import type { WorkbookTables } from '../../core';
import { DATE_FORMAT, INSTANT_FORMAT } from '../../core/node/xlsxWrite';

const MONEY_FORMAT = '"$"#,##0;-"$"#,##0';
const MONEY_COLUMNS = new Set(['Neto', 'Exento', 'IVA', 'Total', 'Pagado', 'Saldo', 'Monto', 'Precio unitario']);
const isMidnight = (date: Date): boolean => date.getTime() % 86_400_000 === 0;

/**
 * The bench workbook as an .xlsx the way `facturas init` lays one out (shared strings, Chilean
 * date and money formats), written with exceljs's streaming writer so 100,000 documents fit in memory.
 */
export async function writeBenchXlsx(tables: WorkbookTables, filePath: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useSharedStrings: true, useStyles: true });
  for (const [name, rows] of Object.entries(tables)) {
    const sheet = writer.addWorksheet(name);
    const header = (rows[0] ?? []).map((cell) => String(cell ?? ''));
    rows.forEach((cells, index) => {
      const row = sheet.addRow(cells.map((cell) => (cell === '' || cell === undefined ? null : cell)));
      if (index === 0) row.font = { bold: true };
      else {
        row.eachCell((cell, column) => {
          if (cell.value instanceof Date) cell.numFmt = isMidnight(cell.value) ? DATE_FORMAT : INSTANT_FORMAT;
          else if (typeof cell.value === 'number' && MONEY_COLUMNS.has(header[column - 1] ?? '')) cell.numFmt = MONEY_FORMAT;
        });
      }
      row.commit();
    });
    sheet.commit();
  }
  await writer.commit();
}
