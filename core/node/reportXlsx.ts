import ExcelJS from 'exceljs';
import { currencyScale } from '../money/money';
import { formatReportCell } from '../reports/formatReportCell';
import type { ColumnKind, ReportCell, ReportTable } from '../reports/reportTable';

const TITLE_ROWS = 3;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Excel formats: `$297.500` shows with the reader's separators, and the cell stays a number. */
function numberFormat(kind: ColumnKind, currency: string): string | undefined {
  switch (kind) {
    case 'money': {
      const decimals = currencyScale(currency);
      const symbol = currency === 'CLP' ? '"$"' : currency === 'USD' ? '"US$"' : `"${currency} "`;
      return `${symbol}#,##0${decimals > 0 ? '.' + '0'.repeat(decimals) : ''}`;
    }
    case 'date':
      return 'dd-mm-yyyy';
    case 'count':
      return '#,##0';
    case 'number':
      return '0';
    default:
      return undefined;
  }
}

function cellValue(kind: ColumnKind, value: ReportCell, currency: string): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // Midnight UTC: exceljs turns a Date into a serial day number in UTC.
    return new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))));
  }
  if (kind === 'money' && typeof value === 'number') return value / 10 ** currencyScale(currency);
  return value;
}

/** Sheet names: at most 31 characters and none of : \ / ? * [ ]. */
const sheetName = (title: string): string =>
  title
    .replace(/[:\\/?*[\]]/g, ' ')
    .slice(0, 31)
    .trim() || 'Informe';

/**
 * A ReportTable as an .xlsx an accountant can keep working on: title and subtitle on top,
 * a bold frozen header, real number and date cells in the Chilean formats, totals in bold.
 */
export async function renderReportXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Facturas';
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1 }] });

  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = table.subtitle;

  const header = sheet.getRow(TITLE_ROWS + 1);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.alignment = { horizontal: column.kind === 'text' || column.kind === 'date' ? 'left' : 'right' };
  });

  const write = (values: readonly ReportCell[], bold: boolean): void => {
    const row = sheet.addRow(table.columns.map((column, i) => cellValue(column.kind, values[i] ?? null, table.currency)));
    table.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      const format = numberFormat(column.kind, table.currency);
      if (format) cell.numFmt = format;
      if (bold) {
        cell.font = { bold: true };
        cell.border = { top: { style: 'thin' } };
      }
    });
  };
  for (const row of table.rows) write(row, false);
  for (const row of table.footer) write(row, true);

  table.columns.forEach((column, i) => {
    const shown = [column.header, ...[...table.rows, ...table.footer].map((row) => formatReportCell(column.kind, row[i] ?? null, table.currency))];
    const longest = Math.max(...shown.map((text) => text.length));
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
