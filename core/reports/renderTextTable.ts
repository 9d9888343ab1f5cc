import type { ReportCell, ReportTable } from './reportTable';
import { formatReportCell, isRightAligned } from './formatReportCell';

const GAP = '  ';

/** The table for a terminal: title, subtitle, aligned columns, a rule before the totals. */
export function renderTextTable(table: ReportTable): string {
  const show = (row: readonly ReportCell[]): string[] => table.columns.map((column, i) => formatReportCell(column.kind, row[i] ?? null, table.currency));
  const header = table.columns.map((column) => column.header);
  const body = table.rows.map(show);
  const footer = table.footer.map(show);
  const widths = table.columns.map((_, i) => Math.max(...[header, ...body, ...footer].map((cells) => [...(cells[i] ?? '')].length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
        return isRightAligned(table.columns[i]!.kind) ? pad + cell : cell + pad;
      })
      .join(GAP)
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join(GAP);
  const out = [table.title, table.subtitle, '', line(header), rule, ...body.map(line)];
  if (footer.length > 0) out.push(rule, ...footer.map(line));
  return out.join('\n') + '\n';
}
