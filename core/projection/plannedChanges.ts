import type { CollectionEntry } from '../collections/types';
import type { HistoryEntry, InvoiceDocument, IsoDate, Minor, Payment } from '../model';
import { documentKey } from '../model';
import { buildLedger } from '../ledger/buildLedger';
import { type Cell, parseIntegerCell } from '../workbook/cells';
import { type CellValue, type ChangePlan, isDateValue, isInstantValue } from '../workbook/changes';
import { type ReadOptions, type WorkbookRead, type WorkbookTables, readWorkbook } from '../workbook/readWorkbook';
import type { TabId } from '../workbook/schema';

/** A document as the projection carries it: its row and what was paid on it as of the projection's day. */
export type ProjectedDocument = InvoiceDocument & { readonly paid: Minor };

export interface PlannedChanges {
  /** Every document whose row the plan writes or whose payment or Historial line it appends, and the documents those notes amend. */
  readonly documents: readonly ProjectedDocument[];
  readonly payments: readonly Payment[];
  readonly history: readonly HistoryEntry[];
  /** The Gestiones lines the plan appends. */
  readonly collections: readonly CollectionEntry[];
}

/** A planned value as a sheet would give it back: dates and instants as the ISO text readWorkbook accepts. */
const asCell = (value: CellValue): Cell => {
  if (value === null) return '';
  if (isDateValue(value)) return value.date;
  if (isInstantValue(value)) return value.instant;
  return value;
};

/**
 * What a plan changes, read as a reload after it would read it, without reading the workbook again:
 * the rows the plan writes or appends (and the rows of the documents they name) are laid out at
 * their own row numbers in otherwise empty tabs, and readWorkbook reads that. So an answer
 * merged into the sidebar equals what the next full load shows.
 */
export function plannedChanges(tables: WorkbookTables, read: WorkbookRead, plan: ChangePlan, options: ReadOptions & { readonly asOf: IsoDate }): PlannedChanges {
  const { layout, book } = read;
  const sheets: Record<string, Cell[][]> = {};
  for (const tab of Object.values(layout)) if (tab) sheets[tab.sheetName] = [[...(tables[tab.sheetName]?.[0] ?? [])]];
  const rowOf = (tab: TabId, row: number): Cell[] | undefined => {
    const name = layout[tab]?.sheetName;
    const sheet = name === undefined ? undefined : sheets[name];
    if (!sheet) return undefined;
    return (sheet[row - 1] ??= [...(tables[name!]?.[row - 1] ?? [])]);
  };

  const named = new Set<string>();
  const appended = new Map<TabId, number>();
  for (const append of plan.appends) {
    const tab = layout[append.tab];
    if (!tab) continue;
    const index = tab.lastRow + (appended.get(append.tab) ?? 0);
    appended.set(append.tab, (appended.get(append.tab) ?? 0) + 1);
    const values = append.values.map(asCell);
    sheets[tab.sheetName]![index] = values;
    const type = tab.columns.type === undefined ? null : parseIntegerCell(values[tab.columns.type]);
    const number = tab.columns.number === undefined ? null : parseIntegerCell(values[tab.columns.number]);
    if (type !== null && number !== null) named.add(`${type}-${number}`);
  }
  const writtenRows = new Set<number>();
  for (const update of plan.updates) {
    const row = rowOf(update.tab, update.row);
    if (!row) continue;
    row[update.column] = asCell(update.value);
    if (update.tab === 'facturas') writtenRows.add(update.row);
  }

  // The documents concerned, and the ones their notes amend: a note's reference resolves only against a row that is there.
  const concerned = book.documents.filter((doc) => writtenRows.has(doc.row) || named.has(documentKey(doc)));
  const rows = new Set(concerned.map((doc) => doc.row));
  for (const doc of concerned) {
    const target = doc.reference && book.documents.find((other) => other.type === doc.reference!.type && other.number === doc.reference!.number);
    if (target) rows.add(target.row);
  }
  for (const row of rows) rowOf('facturas', row);

  const after = readWorkbook(sheets, options).book;
  const before = buildLedger(book, options.asOf, options.profile);
  const targetOf = new Map(after.documents.map((doc) => [documentKey(doc), doc.reference ? documentKey(doc.reference) : documentKey(doc)]));
  const added = new Map<string, Minor>();
  for (const payment of after.payments) {
    const target = targetOf.get(documentKey(payment));
    if (target !== undefined && payment.date <= options.asOf) added.set(target, (added.get(target) ?? 0) + payment.amount);
  }
  const documents = after.documents.map((doc) => {
    const key = documentKey(doc);
    const paid = doc.reference ? 0 : (before.byKey(doc.type, doc.number)?.paid ?? 0) + (added.get(key) ?? 0);
    return { ...doc, paid };
  });
  return { documents, payments: after.payments, history: after.history, collections: after.collections ?? [] };
}
