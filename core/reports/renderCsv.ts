import { formatDateCl } from '../dates/isoDate';
import { formatMinorPlain } from '../money/formatMoney';
import type { ColumnKind, ReportCell, ReportTable } from './reportTable';

const BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

// A text cell starting with one of these is run as a formula by Excel and Sheets (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

const quote = (text: string): string => (/[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text);

function csvCell(kind: ColumnKind, value: ReportCell, currency: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return kind === 'money' ? formatMinorPlain(value, currency) : String(value);
  if (kind === 'date') return formatDateCl(value);
  return quote(FORMULA_START.test(value) ? `'${value}` : value);
}

/**
 * CSV the way Excel in a Spanish locale opens it with a double click: UTF-8 with BOM,
 * semicolons, CRLF, amounts as plain numbers so they can be summed, dates DD-MM-YYYY.
 * Header row first, then the rows, then the totals.
 */
export function renderCsv(table: ReportTable): string {
  const line = (row: readonly ReportCell[]): string => table.columns.map((column, i) => csvCell(column.kind, row[i] ?? null, table.currency)).join(SEPARATOR);
  const header = table.columns.map((column) => quote(column.header)).join(SEPARATOR);
  return BOM + [header, ...table.rows.map(line), ...table.footer.map(line)].join(EOL) + EOL;
}
