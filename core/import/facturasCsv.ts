import { issue } from '../issues/issue';
import { INVOICE_COLUMNS, OTHER_TAXES_COLUMN, TABS, headerKey, mapColumns } from '../workbook/schema';
import type { DecodedText } from './decodeBytes';
import { type DelimitedRecord, detectDelimiter } from './delimitedText';
import type { CandidateDocument, ImportProblem, InvoiceCellKey, ParsedImportFile } from './importFile';

const CANDIDATE_COLUMNS = [...INVOICE_COLUMNS, OTHER_TAXES_COLUMN];

/**
 * Our own layout: a header row with the Facturas headers (Spanish or English, any order, the
 * accountant's own columns too), one document per line. Shape problems need no workbook.
 */
export function parseFacturasCsv(file: string, decoded: DecodedText, records: readonly DelimitedRecord[]): ParsedImportFile {
  const [headerRecord, ...data] = records;
  const header = headerRecord?.cells ?? [];
  const base = { file, kind: 'facturas-csv' as const, encoding: decoded.encoding, omitted: [] };
  if (data.length === 0) return { ...base, candidates: [], problems: [{ source: { file }, issue: issue('csvEmpty', { file }) }] };
  const columns = mapColumns(TABS.facturas, header);
  const problems: ImportProblem[] = INVOICE_COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map((c) => ({
    source: { file },
    issue: issue('missingColumn', { file }, { column: c.header, alias: c.alias }),
  }));
  for (const record of data) {
    if (record.cells.length !== header.length) {
      problems.push({ source: { file, line: record.line, folio: '' }, issue: issue('csvColumnCount', {}, { found: record.cells.length, expected: header.length }) });
    }
  }
  if (problems.length > 0) return { ...base, candidates: [], problems };

  const known = new Set(Object.values(columns));
  const extraTitles = header.map((title, index) => ({ title, index })).filter(({ index, title }) => !known.has(index) && headerKey(title) !== '');
  const candidates: CandidateDocument[] = data.map((record) => {
    const cells: Partial<Record<InvoiceCellKey, string>> = {};
    const fieldNames: Partial<Record<InvoiceCellKey, string>> = {};
    for (const column of CANDIDATE_COLUMNS) {
      const index = columns[column.key];
      fieldNames[column.key as InvoiceCellKey] = column.header;
      if (index !== undefined) cells[column.key as InvoiceCellKey] = record.cells[index] ?? '';
    }
    const extraCells: Record<string, string> = {};
    for (const { title, index } of extraTitles) extraCells[title] = record.cells[index] ?? '';
    return { source: { file, line: record.line, folio: cells.number ?? '' }, cells, fieldNames, lines: [], extraCells };
  });
  return { ...base, candidates, problems: [] };
}

export { detectDelimiter };
