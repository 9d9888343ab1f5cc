import type { Issue } from '../../issues/issue';
import type { IsoDate } from '../../model';
import type { TaxProfile } from '../../tax/taxProfile';
import { type Cell, isBlank, parseIntegerCell } from '../cells';
import type { ColumnMap, TabId } from '../schema';

export type SheetValues = readonly (readonly Cell[])[];

/** Sheets by name, each as rows of cells with the header in row 1, as getValues returns them. */
export type WorkbookTables = Readonly<Record<string, SheetValues>>;

export interface TabLayout {
  readonly id: TabId;
  readonly sheetName: string;
  readonly header: readonly string[];
  readonly columns: ColumnMap;
  /** Last sheet row holding data (1 when only the header). */
  readonly lastRow: number;
}

/** What every tab reader shares during one read: the tables, where each tab is, and one list of issues. */
export interface ReadContext {
  readonly profile: TaxProfile;
  readonly readDate: (date: Date) => IsoDate;
  readonly tables: WorkbookTables;
  readonly layout: Readonly<Partial<Record<TabId, TabLayout>>>;
  readonly issues: Issue[];
  /** Problems of rows left out, by the document (`33-1023`) they touch: writes to that document are refused. */
  readonly unreadable: Map<string, Issue[]>;
  /** Sheets repeat the same few customers, origins and states on every row: each distinct text is parsed once. */
  memo<T>(cacheName: string, text: string, parse: (text: string) => T): T;
}

export function makeMemo(): ReadContext['memo'] {
  const caches = new Map<string, Map<string, unknown>>();
  return <T>(cacheName: string, text: string, parse: (text: string) => T): T => {
    let cache = caches.get(cacheName);
    if (!cache) caches.set(cacheName, (cache = new Map()));
    // One lookup for the usual hit; `has` only tells a cached undefined from a miss.
    const cached = cache.get(text);
    if (cached !== undefined || cache.has(text)) return cached as T;
    const value = parse(text);
    cache.set(text, value);
    return value;
  };
}

export type RowReader<T> = (row: readonly Cell[], rowNumber: number, problems: Issue[]) => T | null;

/** The documents (`33-1023`) a row points at, read from its raw cells: what an unreadable row would block. */
export type RowTouches = (row: readonly Cell[], columns: ColumnMap) => readonly string[];

/** The document a row's Tipo and Folio cells name, when both read as integers. */
export const touchesTypeAndFolio: RowTouches = (row, columns) => {
  const type = columns.type === undefined ? null : parseIntegerCell(row[columns.type]);
  const number = columns.number === undefined ? null : parseIntegerCell(row[columns.number]);
  return type !== null && number !== null ? [`${type}-${number}`] : [];
};

export function blockDocuments(context: ReadContext, keys: readonly string[], problems: readonly Issue[]): void {
  for (const key of keys) {
    let list = context.unreadable.get(key);
    if (!list) context.unreadable.set(key, (list = []));
    list.push(...problems);
  }
}

/** Reads the data rows of one tab; a row with any problem is reported and left out, and blocks the documents it touches. */
export function readRows<T>(context: ReadContext, id: TabId, read: RowReader<T>, touches: RowTouches = touchesTypeAndFolio): T[] {
  const layout = context.layout[id];
  const values = layout ? context.tables[layout.sheetName] : undefined;
  if (!layout || !values) return [];
  const out: T[] = [];
  // One list reused row after row: most rows have no problems.
  const problems: Issue[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every(isBlank)) continue;
    const item = read(row, r + 1, problems);
    if (problems.length > 0) {
      context.issues.push(...problems);
      blockDocuments(context, touches(row, layout.columns), problems);
      problems.length = 0;
    } else if (item !== null) out.push(item);
  }
  return out;
}
