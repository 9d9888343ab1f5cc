import type { Book, Customer, Issuer, DocumentKey, HistoryEntry, InvoiceDocument, InvoiceLine, Payment } from '../model';
import { documentKey } from '../model';
import { type Issue, issue } from '../issues/issue';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import { makeDateCellReader } from '../dates/isoDate';
import { type Cell, cellText, isBlank, parseAmountCell, parseDateCell, parseDecimalCell, parseIntegerCell, parseYesNoCell } from './cells';
import { parseDocumentState, parseOrigin } from './choices';
import { type ColumnMap, type TabId, type TabSpec, COMPANY_TAB, TABS, TAB_IDS, findTabName, headerKey, mapColumns } from './schema';
import { parseDocumentKey } from './documentKey';
import { readCollectionTabs } from './readCollectionTabs';
import { COLLECTION_TAB_IDS } from './collectionTabs';

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

export interface WorkbookRead {
  readonly book: Book;
  readonly issues: readonly Issue[];
  readonly layout: Readonly<Partial<Record<TabId, TabLayout>>>;
}

export interface ReadOptions {
  readonly profile: TaxProfile;
  /** Zone in which date cells hold local midnight: the spreadsheet's; `UTC` for xlsx files. */
  readonly timeZone: string;
}

type RowReader<T> = (row: readonly Cell[], rowNumber: number, problems: Issue[]) => T | null;

function readTab<T>(tab: TabSpec, layout: TabLayout | undefined, values: SheetValues | undefined, issues: Issue[], read: RowReader<T>): T[] {
  if (!layout || !values) return [];
  const out: T[] = [];
  // One list reused row after row: most rows have no problems.
  const problems: Issue[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every(isBlank)) continue;
    const item = read(row, r + 1, problems);
    if (problems.length > 0) {
      issues.push(...problems);
      problems.length = 0;
    } else if (item !== null) out.push(item);
  }
  return out;
}

/** Reads every tab it can; unreadable rows become issues naming tab, row and column, and are left out. */
export function readWorkbook(tables: WorkbookTables, options: ReadOptions): WorkbookRead {
  const { profile } = options;
  const readDate = makeDateCellReader(options.timeZone);
  const issues: Issue[] = [];
  const layout: Partial<Record<TabId, TabLayout>> = {};
  const sheetNames = Object.keys(tables);

  for (const id of TAB_IDS) {
    const spec = TABS[id];
    const sheetName = findTabName(spec, sheetNames);
    if (sheetName === undefined) {
      issues.push(issue('missingTab', { tab: id }, { tab: spec.name }));
      continue;
    }
    const values = tables[sheetName] ?? [];
    const header = (values[0] ?? []).map((c) => cellText(c));
    const columns = mapColumns(spec, header);
    const missing = spec.columns.filter((c) => c.required && columns[c.key] === undefined);
    for (const column of missing) issues.push(issue('missingColumn', { tab: id, column: column.header }, { column: column.header, alias: column.alias }));
    if (missing.length > 0) continue;
    let lastRow = values.length;
    while (lastRow > 1 && (values[lastRow - 1] ?? []).every(isBlank)) lastRow--;
    layout[id] = { id, sheetName, header, columns, lastRow: Math.max(1, lastRow) };
  }

  const valuesOf = (id: TabId): SheetValues | undefined => (layout[id] ? tables[layout[id].sheetName] : undefined);

  // Sheets repeat the same few customers, origins and states on every row: each distinct text is parsed once.
  const parsedTaxIds = new Map<string, ReturnType<TaxProfile['parseTaxId']>>();
  const parsedOrigins = new Map<string, ReturnType<typeof parseOrigin>>();
  const parsedStates = new Map<string, ReturnType<typeof parseDocumentState>>();
  const checkedEmails = new Map<string, boolean>();
  const memo = <T>(cache: Map<string, T>, text: string, parse: (text: string) => T): T => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = parse(text);
      cache.set(text, value);
    }
    return value as T;
  };

  // One set of field readers per tab, pointed at each row in turn: closures made per row were most of the garbage of a large read.
  const fieldsOf = (id: TabId) => {
    let columns: ColumnMap = {};
    let row: readonly Cell[] = [];
    let rowNumber = 0;
    let problems: Issue[] = [];
    const headerOf = (key: string): string => TABS[id].columns.find((c) => c.key === key)?.header ?? key;
    const at = (key: string): Cell => {
      const index = columns[key];
      return index === undefined ? undefined : row[index];
    };
    const report = (key: string, code: Issue['code'], params: Record<string, string | number> = {}): null => {
      problems.push(issue(code, { tab: id, row: rowNumber, column: headerOf(key) }, { value: cellText(at(key)), ...params }));
      return null;
    };
    const text = (key: string): string => cellText(at(key));
    const required = (key: string): string | null => (isBlank(at(key)) ? report(key, 'required') : text(key));
    const integer = (key: string, min = 1): number | null => {
      if (isBlank(at(key))) return report(key, 'required');
      const value = parseIntegerCell(at(key));
      return value === null || value < min ? report(key, 'invalidInteger') : value;
    };
    const date = (key: string, optional = false): string | null => {
      if (isBlank(at(key))) return optional ? null : report(key, 'required');
      return parseDateCell(at(key), readDate) ?? report(key, 'invalidDate');
    };
    const amount = (key: string, currency: string, blankIsZero = false): number | null => {
      if (isBlank(at(key))) return blankIsZero ? 0 : report(key, 'required');
      return parseAmountCell(at(key), currency) ?? report(key, 'invalidNumber');
    };
    const documentType = (key: string): number | null => {
      const code = integer(key);
      if (code === null) return null;
      return documentTypeRule(profile, code) ? code : report(key, 'invalidDocumentType', { allowed: profile.documentTypes.map((t) => t.code).join(', ') });
    };
    const taxId = (key: string): string | null => {
      if (isBlank(at(key))) return report(key, 'required');
      const parsed = memo(parsedTaxIds, text(key), profile.parseTaxId);
      return parsed.ok ? parsed.value : report(key, 'invalidTaxId', { problem: parsed.problem });
    };
    const readers = { at, text, report, required, integer, date, amount, documentType, taxId };
    return (nextRow: readonly Cell[], nextRowNumber: number, rowProblems: Issue[]): typeof readers => {
      columns = layout[id]!.columns;
      row = nextRow;
      rowNumber = nextRowNumber;
      problems = rowProblems;
      return readers;
    };
  };
  const facturasFields = fieldsOf('facturas');
  const detalleFields = fieldsOf('detalle');
  const pagosFields = fieldsOf('pagos');
  const clientesFields = fieldsOf('clientes');
  const historialFields = fieldsOf('historial');

  const documents = readTab(TABS.facturas, layout.facturas, valuesOf('facturas'), issues, (row, rowNumber, problems) => {
    const f = facturasFields(row, rowNumber, problems);
    const type = f.documentType('type');
    const number = f.integer('number');
    const issueDate = f.date('issueDate');
    const dueDate = f.date('dueDate', true);
    const customerTaxId = f.taxId('customerTaxId');
    const customerName = f.required('customerName');
    const email = f.text('email');
    const originText = f.text('origin');
    const origin = originText === '' ? 'directa' : memo(parsedOrigins, originText, parseOrigin) ?? f.report('origin', 'invalidChoice', { allowed: 'Pedido, Nota de entrega, Directa' });
    const currency = (f.text('currency') || profile.defaultCurrency).toUpperCase();
    const net = f.amount('net', currency, true);
    const exempt = f.amount('exempt', currency, true);
    const tax = f.amount('tax', currency, true);
    const total = f.amount('total', currency);
    const stateText = f.text('state');
    const state = stateText === '' ? 'emitida' : memo(parsedStates, stateText, parseDocumentState) ?? f.report('state', 'invalidChoice', { allowed: 'Emitida, Anulada' });
    const referenceText = f.text('reference');
    let reference: DocumentKey | null = null;
    if (referenceText !== '') reference = parseDocumentKey(referenceText) ?? f.report('reference', 'invalidDocumentKey');
    if (email !== '' && !memo(checkedEmails, email, (e) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e))) f.report('email', 'invalidEmail');
    if (/^[A-Z]{3}$/.test(currency) === false) f.report('currency', 'invalidChoice', { allowed: 'ISO 4217, p. ej. CLP' });
    if (net !== null && exempt !== null && tax !== null && total !== null) {
      if (net + exempt + tax !== total) f.report('total', 'totalMismatch', { expected: net + exempt + tax, currency });
      else if (Math.abs(profile.vatOn(net) - tax) > 1) f.report('tax', 'vatMismatch', { expected: profile.vatOn(net), rate: profile.vatRateLabel, currency });
      if (type !== null && documentTypeRule(profile, type)?.exemptOnly && (net !== 0 || tax !== 0)) f.report('tax', 'exemptDocumentHasVat', { type });
    }
    if (issueDate && dueDate && dueDate < issueDate) f.report('dueDate', 'dueBeforeIssue', { issueDate });
    const kind = type === null ? undefined : documentTypeRule(profile, type)?.kind;
    if (kind && kind !== 'invoice' && reference === null && referenceText === '') f.report('reference', 'missingReference', { type: type ?? '' });
    if (problems.length > 0) return null;
    return {
      type: type!, number: number!, issueDate: issueDate!, dueDate, customerTaxId: customerTaxId!, customerName: customerName!,
      email, origin: origin!, originRef: f.text('originRef'), net: net!, exempt: exempt!, tax: tax!, total: total!, currency,
      state: state!, reference, notes: f.text('notes'), row: rowNumber,
    } satisfies InvoiceDocument;
  });

  // Duplicates and dangling references are reported; the first occurrence stays readable.
  const byKey = new Map<string, InvoiceDocument>();
  const uniqueDocuments: InvoiceDocument[] = [];
  for (const doc of documents) {
    const key = documentKey(doc);
    const first = byKey.get(key);
    if (first) {
      issues.push(issue('duplicateDocument', { tab: 'facturas', row: doc.row, column: 'Folio' }, { key, firstRow: first.row }));
      continue;
    }
    byKey.set(key, doc);
    uniqueDocuments.push(doc);
  }
  const resolvedDocuments = uniqueDocuments.map((doc) => {
    if (!doc.reference) return doc;
    const target = resolveReference(doc.reference, byKey, profile);
    if (target === undefined || target === doc) {
      issues.push(issue('unknownReference', { tab: 'facturas', row: doc.row, column: 'Ref. documento' }, { value: documentKeyText(doc.reference) }));
      return { ...doc, reference: null };
    }
    return target.type === doc.reference.type ? doc : { ...doc, reference: { type: target.type, number: target.number } };
  });

  /** The document a Detalle, Pagos or Historial row points at, once its Tipo and Folio read. */
  const documentOf = (type: number | null, number: number | null): InvoiceDocument | undefined =>
    type !== null && number !== null ? byKey.get(`${type}-${number}`) : undefined;

  const lines = readTab(TABS.detalle, layout.detalle, valuesOf('detalle'), issues, (row, rowNumber, problems) => {
    const f = detalleFields(row, rowNumber, problems);
    const type = f.documentType('type');
    const number = f.integer('number');
    const description = f.required('description');
    const quantity = isBlank(f.at('quantity')) ? f.report('quantity', 'required') : parseDecimalCell(f.at('quantity')) ?? f.report('quantity', 'invalidNumber');
    const doc = documentOf(type, number);
    const unitPrice = f.amount('unitPrice', doc?.currency ?? profile.defaultCurrency);
    const discount = isBlank(f.at('discount')) ? 0 : parseDecimalCell(f.at('discount'));
    if (discount === null || discount < 0 || discount > 100) f.report('discount', 'invalidNumber');
    const exempt = parseYesNoCell(f.at('exempt')) ?? f.report('exempt', 'invalidChoice', { allowed: 'sí, no' });
    if (type !== null && number !== null && !doc) f.report('number', 'unknownReference');
    if (problems.length > 0) return null;
    return {
      type: type!, number: number!, description: description!, quantityMilli: Math.round(quantity! * 1000),
      unitPrice: unitPrice!, discountBasisPoints: Math.round(discount! * 100), exempt: exempt!, row: rowNumber,
    } satisfies InvoiceLine;
  });

  const payments = readTab(TABS.pagos, layout.pagos, valuesOf('pagos'), issues, (row, rowNumber, problems) => {
    const f = pagosFields(row, rowNumber, problems);
    const date = f.date('date');
    const type = f.documentType('type');
    const number = f.integer('number');
    const doc = documentOf(type, number);
    const amount = f.amount('amount', doc?.currency ?? profile.defaultCurrency);
    if (amount !== null && amount <= 0) f.report('amount', 'amountNotPositive');
    if (type !== null && number !== null && !doc) f.report('number', 'unknownReference', { value: `${type}-${number}` });
    if (problems.length > 0) return null;
    return {
      date: date!, type: type!, number: number!, amount: amount!, method: f.text('method'), reference: f.text('reference'),
      recordedBy: f.text('recordedBy'), row: rowNumber,
    } satisfies Payment;
  });

  const customers = readTab(TABS.clientes, layout.clientes, valuesOf('clientes'), issues, (row, rowNumber, problems) => {
    const f = clientesFields(row, rowNumber, problems);
    const taxId = f.taxId('taxId');
    const name = f.required('name');
    const kindText = f.text('kind').toLowerCase();
    const kind = kindText === '' ? null : /^(empresa|company)$/.test(kindText) ? 'empresa' : /^(persona|person)$/.test(kindText) ? 'persona' : f.report('kind', 'invalidChoice', { allowed: 'Empresa, Persona' });
    const reminders = isBlank(f.at('reminders')) ? undefined : parseYesNoCell(f.at('reminders')) ?? f.report('reminders', 'invalidChoice', { allowed: 'sí, no' });
    if (problems.length > 0) return null;
    return {
      ...(reminders === undefined ? {} : { reminders: reminders! }),
      taxId: taxId!, name: name!, kind: kind as Customer['kind'], businessActivity: f.text('businessActivity'), region: f.text('region'),
      commune: f.text('commune'), email: f.text('email'), phone: f.text('phone'),
      tags: f.text('tags').split(/[,;]/).map((t) => t.trim()).filter(Boolean), row: rowNumber,
    } satisfies Customer;
  });

  const history = readTab(TABS.historial, layout.historial, valuesOf('historial'), issues, (row, rowNumber, problems) => {
    const f = historialFields(row, rowNumber, problems);
    const type = f.documentType('type');
    const number = f.integer('number');
    const stamp = f.at('timestamp');
    const timestamp = stamp instanceof Date ? stamp.toISOString() : f.required('timestamp');
    const amountCell = f.at('amount');
    const currency = documentOf(type, number)?.currency ?? profile.defaultCurrency;
    const amount = isBlank(amountCell) ? null : parseAmountCell(amountCell, currency) ?? f.report('amount', 'invalidNumber');
    if (problems.length > 0) return null;
    return {
      id: f.text('id') || `row-${rowNumber}`, timestamp: timestamp!, type: type!, number: number!,
      previousStatus: f.text('previousStatus'), newStatus: f.text('newStatus'), amount, user: f.text('user'),
      channel: f.text('channel'), row: rowNumber,
    } satisfies HistoryEntry;
  });

  const issuer = readIssuer(tables, sheetNames, profile, issues);
  const collectionTabs = readCollectionTabs(tables, { profile, readDate, documentOf: (type, number) => byKey.get(`${type}-${number}`) });
  issues.push(...collectionTabs.issues);
  Object.assign(layout, collectionTabs.layout);
  const { collections, reminderSteps } = collectionTabs;
  const book = { issuer, documents: resolvedDocuments, lines, payments, customers, history, ...(collections && { collections }), ...(reminderSteps && { reminderSteps }) };
  return { book, issues: inSheetOrder(issues), layout };
}

const documentKeyText = (key: DocumentKey): string => (key.type === 0 ? String(key.number) : documentKey(key));

/** A note's reference written as a bare folio means the invoice-kind document with that folio. */
function resolveReference(reference: DocumentKey, byKey: ReadonlyMap<string, InvoiceDocument>, profile: TaxProfile): InvoiceDocument | undefined {
  if (reference.type !== 0) return byKey.get(documentKey(reference));
  const candidates = profile.documentTypes
    .filter((rule) => rule.kind === 'invoice')
    .map((rule) => byKey.get(`${rule.code}-${reference.number}`))
    .filter((doc): doc is InvoiceDocument => doc !== undefined);
  return candidates.length === 1 ? candidates[0] : undefined;
}

const ISSUER_FIELDS: Readonly<Record<string, keyof Issuer>> = {
  'razon social': 'name', 'company name': 'name', rut: 'taxId', 'tax id': 'taxId', giro: 'businessActivity',
  'business activity': 'businessActivity', direccion: 'address', address: 'address', email: 'email', telefono: 'phone', phone: 'phone',
};

/** Optional Empresa [Company] tab: one "field | value" pair per row, for the PDF header. */
function readIssuer(tables: WorkbookTables, sheetNames: readonly string[], profile: TaxProfile, issues: Issue[]): Issuer | null {
  const sheetName = findTabName(COMPANY_TAB, sheetNames);
  if (sheetName === undefined) return null;
  const issuer: Record<keyof Issuer, string> = { name: '', taxId: '', businessActivity: '', address: '', email: '', phone: '' };
  (tables[sheetName] ?? []).forEach((row, index) => {
    const field = ISSUER_FIELDS[headerKey(row[0])];
    if (field) issuer[field] = cellText(row[1]);
    if (field === 'taxId' && issuer.taxId !== '') {
      const parsed = profile.parseTaxId(issuer.taxId);
      if (parsed.ok) issuer.taxId = parsed.value;
      else issues.push(issue('invalidTaxId', { tab: 'empresa', row: index + 1, column: 'Valor' }, { value: issuer.taxId, problem: parsed.problem }));
    }
  });
  return issuer.name === '' ? null : issuer;
}

const TAB_ORDER: readonly TabId[] = [...TAB_IDS, 'empresa', ...COLLECTION_TAB_IDS];

/** Tab by tab, row by row, so a long list reads like the sheet; the sort is stable within a row. */
const inSheetOrder = (issues: readonly Issue[]): Issue[] =>
  [...issues].sort((a, b) => TAB_ORDER.indexOf(a.path.tab ?? 'facturas') - TAB_ORDER.indexOf(b.path.tab ?? 'facturas') || (a.path.row ?? 0) - (b.path.row ?? 0));
