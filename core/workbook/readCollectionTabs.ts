import type { DocumentKey, InvoiceDocument, IsoDate } from '../model';
import { type Issue, type IssueCode, issue } from '../issues/issue';
import type { TaxProfile } from '../tax/taxProfile';
import { documentTypeRule } from '../tax/taxProfile';
import type { CollectionAction, CollectionEntry, ReminderStep } from '../collections/types';
import { parseCollectionAction } from '../collections/collectionActions';
import { type Cell, cellText, isBlank, parseAmountCell, parseDateCell, parseIntegerCell } from './cells';
import { type CollectionTabId, COLLECTION_TABS } from './collectionTabs';
import { type TabSpec, findTabName, mapColumns } from './schema';
import type { SheetValues, TabLayout, WorkbookTables } from './readWorkbook';

export interface CollectionTabsRead {
  readonly collections: readonly CollectionEntry[] | undefined;
  readonly reminderSteps: readonly ReminderStep[] | undefined;
  readonly layout: Partial<Record<CollectionTabId, TabLayout>>;
  readonly issues: readonly Issue[];
}

export interface CollectionTabsContext {
  readonly profile: TaxProfile;
  readonly readDate: (cell: Date) => IsoDate;
  /** The document a row's Tipo and Folio name, from the Facturas tab already read. */
  readonly documentOf: (type: number, number: number) => InvoiceDocument | undefined;
}

function layoutOf(spec: TabSpec & { id: CollectionTabId }, tables: WorkbookTables, issues: Issue[]): { layout: TabLayout; values: SheetValues } | undefined {
  const sheetName = findTabName(spec, Object.keys(tables));
  if (sheetName === undefined) return undefined;
  const values = tables[sheetName] ?? [];
  const header = (values[0] ?? []).map((c) => cellText(c));
  const columns = mapColumns(spec, header);
  const missing = spec.columns.filter((c) => c.required && columns[c.key] === undefined);
  for (const column of missing) issues.push(issue('missingColumn', { tab: spec.id, column: column.header }, { column: column.header, alias: column.alias }));
  if (missing.length > 0) return undefined;
  let lastRow = values.length;
  while (lastRow > 1 && (values[lastRow - 1] ?? []).every(isBlank)) lastRow--;
  return { layout: { id: spec.id, sheetName, header, columns, lastRow: Math.max(1, lastRow) }, values };
}

/** Field readers over one row that report problems with tab, row and column, like every tab's. */
function rowFields(spec: TabSpec, layout: TabLayout, row: readonly Cell[], rowNumber: number, problems: Issue[]) {
  const at = (key: string): Cell => {
    const index = layout.columns[key];
    return index === undefined ? undefined : row[index];
  };
  const report = (key: string, code: IssueCode, params: Record<string, string | number> = {}): null => {
    const header = spec.columns.find((c) => c.key === key)?.header ?? key;
    problems.push(issue(code, { tab: spec.id as CollectionTabId, row: rowNumber, column: header }, { value: cellText(at(key)), ...params }));
    return null;
  };
  return { at, report, text: (key: string): string => cellText(at(key)), blank: (key: string): boolean => isBlank(at(key)) };
}

function readEachRow<T>(values: SheetValues, issues: Issue[], read: (row: readonly Cell[], rowNumber: number, problems: Issue[]) => T | null): T[] {
  const out: T[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every(isBlank)) continue;
    const problems: Issue[] = [];
    const item = read(row, r + 1, problems);
    if (problems.length > 0) issues.push(...problems);
    else if (item !== null) out.push(item);
  }
  return out;
}

const ACTIONS_ALLOWED = 'llamada, correo, nota, promesa, recordatorio';

function readGestiones(tables: WorkbookTables, context: CollectionTabsContext, issues: Issue[], layouts: Partial<Record<CollectionTabId, TabLayout>>): CollectionEntry[] | undefined {
  const spec = COLLECTION_TABS.gestiones;
  const found = layoutOf({ ...spec, id: 'gestiones' }, tables, issues);
  if (!found) return undefined;
  layouts.gestiones = found.layout;
  const { profile, readDate } = context;
  return readEachRow(found.values, issues, (row, rowNumber, problems) => {
    const f = rowFields(spec, found.layout, row, rowNumber, problems);
    const id = f.blank('id') ? f.report('id', 'required') : f.text('id');
    const date = f.blank('date') ? f.report('date', 'required') : (parseDateCell(f.at('date'), readDate) ?? f.report('date', 'invalidDate'));
    const stamp = f.at('timestamp');
    const timestamp = stamp instanceof Date ? stamp.toISOString() : f.text('timestamp');
    let customerTaxId: string | null = null;
    if (f.blank('customerTaxId')) f.report('customerTaxId', 'required');
    else {
      const parsed = profile.parseTaxId(f.text('customerTaxId'));
      customerTaxId = parsed.ok ? parsed.value : f.report('customerTaxId', 'invalidTaxId', { problem: parsed.problem });
    }
    let document: DocumentKey | null = null;
    let currency = profile.defaultCurrency;
    if (!f.blank('type') || !f.blank('number')) {
      const type = parseIntegerCell(f.at('type'));
      const number = parseIntegerCell(f.at('number'));
      if (type === null || !documentTypeRule(profile, type)) f.report('type', 'invalidDocumentType', { allowed: profile.documentTypes.map((t) => t.code).join(', ') });
      if (number === null || number < 1) f.report('number', 'invalidInteger');
      if (type !== null && number !== null) {
        const doc = context.documentOf(type, number);
        if (!doc) f.report('number', 'unknownReference', { value: `${type}-${number}` });
        else {
          document = { type, number };
          currency = doc.currency;
          if (customerTaxId !== null && doc.customerTaxId !== customerTaxId) f.report('customerTaxId', 'collectionCustomerMismatch', { key: `${type}-${number}`, expected: doc.customerTaxId });
        }
      }
    }
    const action: CollectionAction | null = f.blank('action')
      ? f.report('action', 'required')
      : (parseCollectionAction(f.text('action')) ?? f.report('action', 'invalidChoice', { allowed: ACTIONS_ALLOWED }));
    let promisedDate: IsoDate | null = null;
    let promisedAmount: number | null = null;
    if (!f.blank('promisedDate')) promisedDate = parseDateCell(f.at('promisedDate'), readDate) ?? f.report('promisedDate', 'invalidDate');
    if (!f.blank('promisedAmount')) {
      promisedAmount = parseAmountCell(f.at('promisedAmount'), currency) ?? f.report('promisedAmount', 'invalidNumber');
      if (promisedAmount !== null && promisedAmount <= 0) f.report('promisedAmount', 'amountNotPositive');
    }
    if (action === 'promesa') {
      if (f.blank('promisedDate')) f.report('promisedDate', 'required');
      if (f.blank('promisedAmount')) f.report('promisedAmount', 'required');
      if (f.blank('type') && f.blank('number')) f.report('number', 'required');
    }
    if (problems.length > 0) return null;
    return {
      id: id!,
      date: date!,
      timestamp,
      customerTaxId: customerTaxId!,
      document,
      action: action!,
      promisedDate,
      promisedAmount,
      note: f.text('note'),
      user: f.text('user'),
      channel: f.text('channel'),
      row: rowNumber,
    } satisfies CollectionEntry;
  });
}

function readRecordatorios(tables: WorkbookTables, issues: Issue[], layouts: Partial<Record<CollectionTabId, TabLayout>>): ReminderStep[] | undefined {
  const spec = COLLECTION_TABS.recordatorios;
  const found = layoutOf({ ...spec, id: 'recordatorios' }, tables, issues);
  if (!found) return undefined;
  layouts.recordatorios = found.layout;
  const seen = new Map<number, number>();
  const steps = readEachRow(found.values, issues, (row, rowNumber, problems) => {
    const f = rowFields(spec, found.layout, row, rowNumber, problems);
    const days = f.blank('days') ? f.report('days', 'required') : parseIntegerCell(f.at('days'));
    if (days === null && !f.blank('days')) f.report('days', 'invalidReminderDays');
    else if (days !== null && Math.abs(days) > 365) f.report('days', 'invalidReminderDays');
    else if (days !== null && seen.has(days)) f.report('days', 'duplicateReminderStep', { firstRow: seen.get(days)! });
    if (problems.length > 0) return null;
    seen.set(days!, rowNumber);
    return { days: days!, subject: f.text('subject'), message: f.text('message') } satisfies ReminderStep;
  });
  // A tab with only its header means "not customised yet": the default schedule applies.
  return steps.length === 0 ? undefined : [...steps].sort((a, b) => a.days - b.days);
}

/** Reads the optional Gestiones and Recordatorios tabs; a missing one is no issue (older workbooks). */
export function readCollectionTabs(tables: WorkbookTables, context: CollectionTabsContext): CollectionTabsRead {
  const issues: Issue[] = [];
  const layout: Partial<Record<CollectionTabId, TabLayout>> = {};
  const collections = readGestiones(tables, context, issues, layout);
  const reminderSteps = readRecordatorios(tables, issues, layout);
  return { collections, reminderSteps, layout, issues };
}
