import { parse } from 'csv-parse/sync';
import {
  type Book, type Cell, type CellUpdate, type CellValue, type ChangePlan, type InvoiceDocument, type Issue, type Locale, type RowAppend, type TaxProfile, type WorkbookRead,
  INVOICE_COLUMNS, ORIGIN_LABELS, PAYMENT_STATUS_LABELS, STATE_LABELS, TABS, TAB_IDS, buildLedger, canonicalHeaders, currencyScale, derivedCellUpdates, documentKey,
  headerKey, issue, issueMessage, mapColumns, readWorkbook,
} from '../core';
import { messages } from './messages';

/** One data record of the file with the line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvFile {
  readonly name: string;
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

/** Semicolons (Excel in Spanish) or commas: whichever the header line uses more, outside quotes. */
export function detectDelimiter(text: string): ';' | ',' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (char: string) => unquoted.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Reads the file's records (UTF-8, with or without BOM); a malformed file gives its one line. */
export function parseCsv(name: string, text: string, locale: Locale): { ok: true; file: CsvFile } | { ok: false; lines: string[] } {
  const m = messages(locale);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { delimiter: detectDelimiter(text), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof rows;
  } catch (error) {
    const failure = error as { lines?: number; message?: string };
    return { ok: false, lines: [m.csvUnreadable(name, failure.lines ?? 1, String(failure.message ?? error))] };
  }
  const startLine = (row: { record: string[]; info: { lines: number } }): number => row.info.lines - row.record.join('').split('\n').length + 1;
  const [header, ...data] = rows;
  const records = data.filter((row) => row.record.some((cell) => cell !== '')).map((row) => ({ line: startLine(row), cells: row.record }));
  return { ok: true, file: { name, header: header?.record ?? [], records } };
}

/** Problems that need no workbook: no rows, missing required columns, ragged lines. */
export function checkShape(file: CsvFile): Issue[] {
  if (file.records.length === 0) return [issue('csvEmpty', { file: file.name })];
  const columns = mapColumns(TABS.facturas, file.header);
  const problems: Issue[] = INVOICE_COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map((c) =>
    issue('missingColumn', { file: file.name }, { column: c.header, alias: c.alias }),
  );
  for (const record of file.records) {
    if (record.cells.length !== file.header.length) problems.push(issue('csvColumnCount', { file: file.name, line: record.line }, { found: record.cells.length, expected: file.header.length }));
  }
  return problems;
}

/** A readable document written back as cells in canonical column order, so it can be read again beside new rows. */
const documentCells = (doc: InvoiceDocument): Cell[] => {
  const scale = 10 ** currencyScale(doc.currency);
  return [
    doc.type, doc.number, doc.issueDate, doc.dueDate ?? '', doc.customerTaxId, doc.customerName, doc.email, ORIGIN_LABELS[doc.origin].es, doc.originRef,
    doc.net / scale, doc.exempt / scale, doc.tax / scale, doc.total / scale, doc.currency, STATE_LABELS[doc.state].es, doc.reference ? documentKey(doc.reference) : '', doc.notes,
  ];
};

export interface ImportRejection {
  readonly lines: readonly string[];
  readonly badRecords: number;
}

export interface ImportPlan {
  readonly plan: ChangePlan;
  readonly documents: readonly InvoiceDocument[];
}

/**
 * Every record is read by core's readWorkbook on a synthetic Facturas tab holding the workbook's
 * documents first and the file's after them: the same checks as any sheet row, plus duplicates
 * against the workbook and within the file, and notes may amend documents of either.
 * All or nothing: one bad record rejects the file, listing every bad record.
 */
export function planImport(file: CsvFile, read: WorkbookRead, profile: TaxProfile, asOf: string, locale: Locale): { ok: true; value: ImportPlan } | { ok: false; rejection: ImportRejection } {
  const m = messages(locale);
  const layout = read.layout.facturas;
  if (!layout) return { ok: false, rejection: { lines: [issueMessage(issue('missingTab', { tab: 'facturas' }, { tab: 'Facturas' }), locale)], badRecords: 0 } };

  const columns = mapColumns(TABS.facturas, file.header);
  const existing = read.book.documents;
  const firstFileRow = existing.length + 2;
  const syntheticHeader = INVOICE_COLUMNS.map((c) => c.header);
  const fileCells = file.records.map((record) => INVOICE_COLUMNS.map((c) => (columns[c.key] === undefined ? '' : record.cells[columns[c.key]!] ?? '')));
  const tables: Record<string, readonly (readonly Cell[])[]> = { [TABS.facturas.name]: [syntheticHeader, ...existing.map(documentCells), ...fileCells] };
  for (const id of TAB_IDS) if (id !== 'facturas') tables[TABS[id].name] = [canonicalHeaders(id)];
  const synthetic = readWorkbook(tables, { profile, timeZone: 'UTC' });

  const recordAt = (row: number): CsvRecord | undefined => file.records[row - firstFileRow];
  const folioOf = (record: CsvRecord): string => record.cells[columns.number ?? -1] ?? '';
  const problems: { line: number; text: string }[] = [];
  for (const problem of synthetic.issues) {
    const record = problem.path.tab === 'facturas' && problem.path.row !== undefined ? recordAt(problem.path.row) : undefined;
    if (!record) continue;
    let reason = issueMessage(problem, locale);
    if (problem.code === 'duplicateDocument') {
      const firstRow = Number(problem.params.firstRow);
      const earlier = recordAt(firstRow);
      reason = earlier ? m.duplicateInFile(String(problem.params.key), earlier.line) : m.alreadyInWorkbook(String(problem.params.key), existing[firstRow - 2]?.row ?? firstRow);
    }
    const where = m.importWhere(file.name, record.line, folioOf(record));
    problems.push({ line: record.line, text: `${where}${problem.path.column ? `, ${m.columnOf(problem.path.column)}` : ''}: ${reason}` });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    return { ok: false, rejection: { lines: problems.map((p) => p.text), badRecords: new Set(problems.map((p) => p.line)).size } };
  }

  const imported = synthetic.book.documents.filter((doc) => doc.row >= firstFileRow).map((doc, index) => ({ ...doc, row: layout.lastRow + 1 + index }));
  const extraColumns = file.header.map((title, index) => ({ index, target: layout.header.findIndex((h) => headerKey(h) === headerKey(title)) }))
    .filter(({ target }) => target >= 0 && !Object.values(layout.columns).includes(target));
  const after: Book = { ...read.book, documents: [...existing, ...imported] };
  const ledger = buildLedger(after, asOf, profile);

  const appends: RowAppend[] = imported.map((doc, index) => {
    const scale = 10 ** currencyScale(doc.currency);
    const view = ledger.byKey(doc.type, doc.number)!;
    const byKey: Record<string, CellValue> = {
      type: doc.type, number: doc.number, issueDate: { date: doc.issueDate }, dueDate: doc.dueDate ? { date: doc.dueDate } : null,
      customerTaxId: doc.customerTaxId, customerName: doc.customerName, email: doc.email, origin: ORIGIN_LABELS[doc.origin].es, originRef: doc.originRef,
      net: doc.net / scale, exempt: doc.exempt / scale, tax: doc.tax / scale, total: doc.total / scale, currency: doc.currency, state: STATE_LABELS[doc.state].es,
      reference: doc.reference ? documentKey(doc.reference) : '', notes: doc.notes,
      paid: view.paid / scale, balance: view.balance / scale, paymentStatus: PAYMENT_STATUS_LABELS[view.paymentStatus].es,
    };
    const values: CellValue[] = layout.header.map(() => null);
    for (const [key, value] of Object.entries(byKey)) if (layout.columns[key] !== undefined) values[layout.columns[key]!] = value;
    // The accountant's own columns, when the file has them too, come along as text.
    for (const { index: source, target } of extraColumns) values[target] = file.records[index]!.cells[source] ?? '';
    return { tab: 'facturas', values };
  });

  // Notes in the file move the balance of documents already in the sheet: refresh their derived cells.
  const amended = new Set(imported.filter((d) => d.reference).map((d) => documentKey(d.reference!)));
  const updates: CellUpdate[] = existing.filter((doc) => amended.has(documentKey(doc))).flatMap((doc) => derivedCellUpdates(layout, ledger.byKey(doc.type, doc.number)!));
  return { ok: true, value: { plan: { updates, appends }, documents: imported } };
}
