import type { Book } from '../model';
import type { Issue } from '../issues/issue';
import type { TaxProfile } from '../tax/taxProfile';
import { makeDateCellReader } from '../dates/isoDate';
import { type TabId, TAB_IDS } from './schema';
import { type ReadContext, type TabLayout, type WorkbookTables, locateTabs, makeMemo, readCustomers, readDocuments, readHistory, readIssuer, readLines, readPayments } from './readers';
import { readCollectionTabs } from './readCollectionTabs';
import { COLLECTION_TAB_IDS } from './collectionTabs';

export type { SheetValues, TabLayout, WorkbookTables } from './readers';

export interface WorkbookRead {
  readonly book: Book;
  readonly issues: readonly Issue[];
  /** Problems of rows left out, by the document (`33-1023`) they touch: no write may touch that document. */
  readonly unreadable: ReadonlyMap<string, readonly Issue[]>;
  readonly layout: Readonly<Partial<Record<TabId, TabLayout>>>;
}

export interface ReadOptions {
  readonly profile: TaxProfile;
  /** Zone in which date cells hold local midnight: the spreadsheet's; `UTC` for xlsx files. */
  readonly timeZone: string;
}

/** Reads every tab it can; unreadable rows become issues naming tab, row and column, and are left out. */
export function readWorkbook(tables: WorkbookTables, options: ReadOptions): WorkbookRead {
  const issues: Issue[] = [];
  const layout = locateTabs(tables, issues);
  const context: ReadContext = { profile: options.profile, readDate: makeDateCellReader(options.timeZone), tables, layout, issues, unreadable: new Map(), memo: makeMemo() };
  const { documents, byKey } = readDocuments(context);
  const lines = readLines(context, byKey);
  const payments = readPayments(context, byKey);
  const customers = readCustomers(context);
  const history = readHistory(context, byKey);
  const issuer = readIssuer(context);
  const collectionTabs = readCollectionTabs(tables, { profile: options.profile, readDate: context.readDate, documentOf: (type, number) => byKey.get(type, number) });
  issues.push(...collectionTabs.issues);
  const { collections, reminderSteps } = collectionTabs;
  const book = { issuer, documents, lines, payments, customers, history, ...(collections && { collections }), ...(reminderSteps && { reminderSteps }) };
  return { book, issues: inSheetOrder(issues), unreadable: context.unreadable, layout: { ...layout, ...collectionTabs.layout } };
}

const TAB_ORDER: readonly TabId[] = [...TAB_IDS, 'empresa', ...COLLECTION_TAB_IDS];

/** Tab by tab, row by row, so a long list reads like the sheet; the sort is stable within a row. */
const inSheetOrder = (issues: readonly Issue[]): Issue[] =>
  [...issues].sort((a, b) => TAB_ORDER.indexOf(a.path.tab ?? 'facturas') - TAB_ORDER.indexOf(b.path.tab ?? 'facturas') || (a.path.row ?? 0) - (b.path.row ?? 0));
