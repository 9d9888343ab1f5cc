import type { ReportTable } from '../reports/reportTable';
import { formatReportCell, isRightAligned } from '../reports/formatReportCell';
import type { DocDefinition, PdfTableCell } from './docDefinition';
import { pageNumberFooter } from './pageFooter';

/** More columns than fit across an A4 page in portrait at 8 points. */
const LANDSCAPE_FROM_COLUMNS = 7;

/** Any ReportTable as a PDF: title, subtitle, one table that repeats its header on every page, totals in bold. */
export function reportDocDefinition(table: ReportTable): DocDefinition {
  const cell = (text: string, i: number, extra: Partial<PdfTableCell> = {}): PdfTableCell => ({
    text,
    alignment: isRightAligned(table.columns[i]!.kind) ? 'right' : 'left',
    ...extra,
  });
  const header = table.columns.map((column, i) => cell(column.header, i, { bold: true, fillColor: '#eeeeee' }));
  const row = (values: readonly (string | number | null)[], bold: boolean): PdfTableCell[] =>
    table.columns.map((column, i) => cell(formatReportCell(column.kind, values[i] ?? null, table.currency), i, bold ? { bold: true } : {}));
  // The text column with the longest content takes the spare width; the rest fit their content.
  const textLength = (i: number): number => Math.max(0, ...table.rows.map((r) => String(r[i] ?? '').length));
  const textColumns = table.columns.map((column, i) => (column.kind === 'text' ? i : -1)).filter((i) => i >= 0);
  const wideColumn = textColumns.reduce((best, i) => (textLength(i) > textLength(best) ? i : best), textColumns[0] ?? -1);
  const body = [header, ...table.rows.map((r) => row(r, false)), ...table.footer.map((r) => row(r, true))];
  return {
    pageSize: 'A4',
    pageOrientation: table.columns.length >= LANDSCAPE_FROM_COLUMNS ? 'landscape' : 'portrait',
    pageMargins: [40, 50, 40, 50],
    info: { title: `${table.title} ${table.subtitle}`, creator: 'Facturas' },
    header: () => ({ text: `${table.title} — ${table.subtitle}`, fontSize: 8, color: '#666666', margin: [40, 20, 40, 0] }),
    footer: pageNumberFooter(table.locale),
    content: [
      { text: table.title, fontSize: 16, bold: true },
      { text: table.subtitle, fontSize: 10, color: '#444444', margin: [0, 2, 0, 10] },
      ...(table.rows.length === 0
        ? [{ text: table.locale === 'es' ? 'Sin datos para este informe.' : 'No data for this report.', italics: true, margin: [0, 0, 0, 8] as [number, number, number, number] }]
        : []),
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: table.columns.map((_, i) => (i === wideColumn ? '*' : 'auto')),
          body,
        },
        layout: 'lightHorizontalLines',
      },
    ],
    defaultStyle: { fontSize: table.columns.length >= LANDSCAPE_FROM_COLUMNS ? 8 : 9 },
  };
}
