import {
  type ChangePlan,
  type HistoryEntry,
  type Issue,
  type Issuer,
  type Locale,
  type Payment,
  type PaymentStatus,
  type PromiseStatus,
  type Result,
  type WorkbookRead,
  type WorkbookTables,
  type DocumentDetail,
  type SidebarProjection,
  CHILE,
  TABS,
  COMPANY_TAB,
  TAB_IDS,
  COLLECTION_TAB_IDS,
  buildLedger,
  documentKey,
  findDocument,
  issue,
  ok,
  planManualStateEdit,
  choiceLabels,
  recordTypedPayment,
  voidDocument,
  findTabName,
  headerKey,
  documentDetail,
  encodeProjection,
  plannedChanges,
  bookAfterChanges,
  promiseStatuses,
  workbookVersion,
} from '../../core';
import { agingReport, agingTable, libroDeVentas, libroDeVentasTable, statusSummary, statusSummaryTable, type ReportTable } from '../../core';
import type { AddonPorts, TabSetup, TabSetupResult } from './ports';
import {
  type DocumentInput,
  type EmailInput,
  type PaymentInput,
  type ReportSheetInput,
  type VoidInput,
  DocumentInputSchema,
  EmailInputSchema,
  PaymentInputSchema,
  ReportSheetInputSchema,
  VoidInputSchema,
  checkPeriod,
  parseInput,
} from './inputs';
import { onlyChangedCells } from './onlyChangedCells';
import { createSiiApi } from './siiApi';
import { detailSections } from './detailSections';
import { createCollectionsApi } from './collectionsApi';
import { createCustomerMailApi } from './customerMail';
import { readSheetBook } from './readSheetBook';

const PROFILE = CHILE;

/** The sidebar lists the first of these; the count says how many rows could not be read in all. */
export const MAX_ISSUES_SENT = 200;

/**
 * The first load: who and when, and the compact projection of every document that the sidebar
 * searches, sorts and reports over locally (core/projection). Lines, payments and history of a
 * document come with openDocument.
 */
export interface SidebarLoad {
  readonly environment: AddonPorts['environment'];
  readonly today: string;
  readonly timeZone: string;
  readonly locale: Locale;
  readonly user: string;
  readonly issuer: Issuer | null;
  readonly projection: SidebarProjection;
  /** Rows that could not be read, each naming tab, row and column: the first MAX_ISSUES_SENT of issueCount. */
  readonly issues: readonly Issue[];
  readonly issueCount: number;
  readonly mailQuota: number;
  readonly canCreateSheets: boolean;
  /** The workbook's version this load was read at (core workbookVersion). */
  readonly version: string;
  /** The status of each document's latest promise to pay, for the documents that have one: `promesa:` searches it. */
  readonly promises: Readonly<Record<string, PromiseStatus>>;
}

/** What a change wrote, read as the next load would read it: its size depends on the change, not on the book. */
export interface DocumentChanges {
  /** Only the documents the change touched (and the invoices their notes amend). */
  readonly projection: SidebarProjection;
  readonly payments: readonly Payment[];
  readonly history: readonly HistoryEntry[];
  /** The promise status of each changed document as it now reads, null where it has none. */
  readonly promises: Readonly<Record<string, PromiseStatus | null>>;
  /** The sections of every held document (what the change was sent with) as they now read, by document key. */
  readonly sections: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The version just before the change and just after it: a sidebar holding `before` merges, any other reloads. */
export interface VersionStep {
  readonly before: string;
  readonly after: string;
}

/** A call that changes data answers with what it changed, so the sidebar never shows stale numbers. */
export type Mutation<T> =
  | { readonly ok: true; readonly value: T; readonly changes: DocumentChanges; readonly version: VersionStep }
  | { readonly ok: false; readonly issues: readonly Issue[]; readonly version: string | null };

/** A write under the document lock: `decide` plans from the fresh read; `held` are the details the sidebar holds. */
export type Transact = <T>(held: readonly string[], decide: (read: WorkbookRead) => Result<{ plan: ChangePlan; outcome: T }>) => Mutation<T>;

export type DocumentAnswer = { readonly ok: true; readonly detail: DocumentDetail; readonly version: string } | { readonly ok: false; readonly issues: readonly Issue[]; readonly version: string };

export interface StatusChange {
  readonly key: string;
  readonly before: PaymentStatus;
  readonly after: PaymentStatus;
}

export type EmailOutcome = { readonly ok: true; readonly to: string; readonly remainingQuota: number } | { readonly ok: false; readonly issues: readonly Issue[] };

export type SheetOutcome = { readonly ok: true; readonly sheetName: string } | { readonly ok: false; readonly issues: readonly Issue[] };

export interface SetupReport {
  readonly tabs: readonly { readonly name: string; readonly result: TabSetupResult }[];
  readonly editTrigger: boolean;
}

/** Where an edit landed, as an onEdit event's range describes it (1-based). */
export interface EditEvent {
  readonly sheetName: string;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  /** Only for single-cell edits, as Apps Script gives it. */
  readonly oldValue?: string;
  readonly user?: string;
}

const refuse = (...issues: Issue[]): { readonly ok: false; readonly issues: readonly Issue[] } => ({ ok: false, issues });

const VALIDATED_LISTS: Readonly<Record<string, readonly string[]>> = {
  Tipo: PROFILE.documentTypes.map((rule) => String(rule.code)),
  Estado: choiceLabels('state', 'es'),
  Origen: choiceLabels('origin', 'es'),
  Moneda: choiceLabels('currency', 'es'),
};

export function createServerApi(ports: AddonPorts) {
  const { sheet, mail, session } = ports;

  const readBook = () => readSheetBook(sheet);
  const today = (): string => session.today();
  const locale = (): Locale => session.savedLocale() ?? 'es';
  // The write count is read before the tabs: a write in between shows as a newer version next time, never as an older one.
  const readVersioned = (): { read: WorkbookRead; tables: WorkbookTables; writes: number; rows: Record<string, number> } => {
    const writes = sheet.writeCount();
    const { read, tables } = readBook();
    return { read, tables, writes, rows: rowCountsOf(tables) };
  };

  const loadSidebar = (): SidebarLoad => {
    const { read, writes, rows } = readVersioned();
    const asOf = today();
    return {
      environment: ports.environment,
      today: asOf,
      timeZone: session.businessTimeZone(),
      locale: locale(),
      user: session.userEmail(),
      issuer: read.book.issuer,
      projection: encodeProjection(buildLedger(read.book, asOf, PROFILE).views, read.book.customers, asOf, PROFILE),
      issues: read.issues.slice(0, MAX_ISSUES_SENT),
      issueCount: read.issues.length,
      mailQuota: mail.remainingDailyQuota(),
      canCreateSheets: sheet.canCreateSheets,
      version: workbookVersion(writes, rows),
      promises: promiseStatuses(read.book, asOf),
    };
  };

  /** A few service calls and no values read: the sidebar asks when it comes back into view. */
  const checkVersion = (): string => workbookVersion(sheet.writeCount(), sheet.rowCounts());

  function openDocument(input: DocumentInput): DocumentAnswer {
    const { read, writes, rows } = readVersioned();
    const version = workbookVersion(writes, rows);
    const parsed = parseInput(DocumentInputSchema, input);
    if (!parsed.ok) return { ok: false, issues: parsed.issues, version };
    const found = findDocument(buildLedger(read.book, today(), PROFILE), parsed.value.document);
    if (!found.ok) return { ok: false, issues: found.issues, version };
    const detail = documentDetail(read.book, found.value)!;
    return { ok: true, detail: { ...detail, sections: detailSections(read, [found.value], today())[0]! }, version };
  }

  /**
   * Fresh read under the document lock, so the row is found again by Tipo and Folio however rows
   * moved; the answer carries what the write changed, read back from the plan, the held documents'
   * sections as they now read (a payment anywhere can move a predicted pay date), and the version step.
   */
  const transact: Transact = (held, decide) =>
    sheet.withDocumentLock(() => {
      const { read, tables, writes, rows } = readVersioned();
      const before = workbookVersion(writes, rows);
      const decision = decide(read);
      if (!decision.ok) return { ok: false as const, issues: decision.issues, version: before };
      const plan = onlyChangedCells(decision.value.plan, tables, read.layout);
      const asOf = today();
      // Read back before writing: the preview's port writes into the very tables it read.
      const changed = plannedChanges(tables, read, plan, { profile: PROFILE, timeZone: sheet.timeZone(), asOf });
      const after = { ...read, book: bookAfterChanges(read.book, changed) };
      const promises = promiseStatuses(after.book, asOf, changed.documents.map(documentKey));
      const sections = heldSections(after, held, asOf);
      sheet.applyPlan(plan, read.layout);
      sheet.countWrite();
      const appended: Record<string, number> = { ...rows };
      for (const append of plan.appends) {
        const name = read.layout[append.tab]?.sheetName;
        if (name !== undefined) appended[name] = (appended[name] ?? 0) + 1;
      }
      return {
        ok: true as const,
        value: decision.value.outcome,
        changes: { projection: encodeProjection(changed.documents, read.book.customers, asOf, PROFILE), payments: changed.payments, history: changed.history, promises, sections },
        version: { before, after: workbookVersion(writes + 1, appended) },
      };
    });

  const heldSections = (after: WorkbookRead, held: readonly string[], asOf: string): DocumentChanges['sections'] => {
    if (held.length === 0) return {};
    const ledger = buildLedger(after.book, asOf, PROFILE);
    const views = held.flatMap((key) => {
      const found = findDocument(ledger, key);
      return found.ok ? [found.value] : [];
    });
    const sections = detailSections(after, views, asOf);
    return Object.fromEntries(views.map((view, index) => [documentKey(view), sections[index]!]));
  };

  const stamp = () => ({ user: session.userEmail(), channel: 'sidebar' as const, today: today(), now: session.now().toISOString() });

  function recordPaymentFromSidebar(input: PaymentInput): Mutation<StatusChange> {
    const parsed = parseInput(PaymentInputSchema, input);
    if (!parsed.ok) return { ok: false, issues: parsed.issues, version: null };
    const { expectedBalance, held, ...typed } = parsed.value;
    return transact(held, (read) => {
      const planned = recordTypedPayment(read, PROFILE, typed, { ...stamp(), expectedBalance });
      if (!planned.ok) return planned;
      const { plan, before, after } = planned.value;
      return { ok: true, value: { plan, outcome: { key: documentKey(before), before: before.paymentStatus, after: after.paymentStatus } } };
    });
  }

  function voidDocumentFromSidebar(input: VoidInput): Mutation<StatusChange> {
    const parsed = parseInput(VoidInputSchema, input);
    if (!parsed.ok) return { ok: false, issues: parsed.issues, version: null };
    const request = { document: parsed.value.document, ...stamp() };
    return transact(parsed.value.held, (read) => {
      const planned = voidDocument(read, PROFILE, request);
      if (!planned.ok) return planned;
      const { plan, before, after } = planned.value;
      return { ok: true, value: { plan, outcome: { key: documentKey(before), before: before.paymentStatus, after: after.paymentStatus } } };
    });
  }

  function emailInvoice(input: EmailInput): EmailOutcome {
    const parsed = parseInput(EmailInputSchema, input);
    if (!parsed.ok) return refuse(...parsed.issues);
    const { read } = readBook();
    const found = findDocument(buildLedger(read.book, today(), PROFILE), parsed.value.document);
    if (!found.ok) return refuse(...found.issues);
    const view = found.value;
    const key = documentKey(view);
    if (view.email === '') return refuse(issue('missingEmail', {}, { key }));
    if (mail.remainingDailyQuota() < 1) return refuse(issue('mailQuotaExhausted'));
    const es = parsed.value.locale === 'es';
    const name = PROFILE.documentTypes.find((rule) => rule.code === view.type)?.name[parsed.value.locale] ?? String(view.type);
    const issuer = read.book.issuer?.name ?? '';
    mail.send({
      to: view.email,
      subject: es ? `${name} N° ${view.number}${issuer ? ` de ${issuer}` : ''}` : `${name} No. ${view.number}${issuer ? ` from ${issuer}` : ''}`,
      body: es
        ? `Estimado(a) ${view.customerName}:\n\nAdjuntamos ${name.toLowerCase()} N° ${view.number}.\n\nSaludos cordiales,\n${issuer}`
        : `Dear ${view.customerName},\n\nPlease find attached ${name.toLowerCase()} No. ${view.number}.\n\nKind regards,\n${issuer}`,
      attachment: { fileName: `${key}.pdf`, mimeType: 'application/pdf', base64: parsed.value.pdfBase64 },
    });
    return { ok: true, to: view.email, remainingQuota: mail.remainingDailyQuota() };
  }

  function reportTable(input: ReportSheetInput, read: WorkbookRead): Result<{ table: ReportTable; name: string }> {
    const parsed = parseInput(ReportSheetInputSchema, input);
    if (!parsed.ok) return parsed;
    const { report, locale: lang } = parsed.value;
    const ledger = buildLedger(read.book, today(), PROFILE);
    if (report === 'status') return { ok: true, value: { table: statusSummaryTable(statusSummary(ledger, PROFILE), lang), name: lang === 'es' ? 'Resumen por estado' : 'Status summary' } };
    if (report === 'aging') return { ok: true, value: { table: agingTable(agingReport(ledger, PROFILE), lang), name: lang === 'es' ? 'Antigüedad de saldos' : 'Ageing' } };
    const period = checkPeriod(parsed.value.period);
    if (!period.ok) return period;
    const libro = libroDeVentas(read.book, period.value, PROFILE);
    if (!libro.ok) return libro;
    return { ok: true, value: { table: libroDeVentasTable(libro.value, lang, PROFILE), name: `Libro de Ventas ${period.value}` } };
  }

  function createReportSheet(input: ReportSheetInput): SheetOutcome {
    if (!sheet.canCreateSheets) throw new Error('This workbook cannot take new sheets here; download the CSV instead.');
    const { read } = readBook();
    const made = reportTable(input, read);
    if (!made.ok) return refuse(...made.issues);
    return { ok: true, sheetName: sheet.writeReportSheet(made.value.name, made.value.table) };
  }

  function saveLocale(wanted: Locale): Locale {
    const chosen: Locale = wanted === 'en' ? 'en' : 'es';
    session.saveLocale(chosen);
    return chosen;
  }

  /** Creates missing tabs and headers, freezes the header row, validates Tipo, Estado and Origen; safe to run again. */
  function setupWorkbook(): SetupReport {
    const tabs = sheet.withDocumentLock(() =>
      [...TAB_IDS, ...COLLECTION_TAB_IDS]
        .map((id) => {
          const spec = TABS[id];
          const columns = spec.columns.map(({ header, alias }) => ({ header, alias }));
          const validations = id === 'facturas' ? VALIDATED_LISTS : {};
          const setup: TabSetup = { id, name: spec.name, alias: spec.alias, columns, validations };
          return { name: spec.name, result: sheet.ensureTab(setup) };
        })
        .map((tab) => {
          if (tab.result !== 'unchanged') sheet.countWrite();
          return tab;
        }),
    );
    return { tabs, editTrigger: session.ensureEditTrigger() };
  }

  /** Any hand edit of a workbook tab is a write the open sidebars did not make: counting it makes them reload. */
  const countHandEdit = (): null => {
    sheet.withDocumentLock(() => sheet.countWrite());
    return null;
  };

  /**
   * An accountant typed in the Estado column: Historial gets who, when and the payment status
   * before and after, and the derived columns of that row are refreshed; the answer says what
   * changed, as a payment's does. Other edits of a workbook tab are only counted (after reading
   * at most the header row); edits of other sheets are ignored.
   */
  function recordManualStateEdit(edit: EditEvent): Mutation<number> | null {
    if (!isWorkbookTab(edit.sheetName)) return null;
    if (findTabName(TABS.facturas, [edit.sheetName]) === undefined || edit.row + edit.numRows - 1 < 2) return countHandEdit();
    const headerStateColumn = sheet.readHeader(edit.sheetName).findIndex(isStateHeader) + 1;
    if (headerStateColumn < edit.column || headerStateColumn > edit.column + edit.numColumns - 1) return countHandEdit();
    // A trigger, not the sidebar: no held documents to answer for.
    return transact<number>([], (read) => {
      const planned = planManualStateEdit(read, PROFILE, {
        sheetName: edit.sheetName,
        firstRow: edit.row,
        lastRow: edit.row + edit.numRows - 1,
        firstColumn: edit.column,
        lastColumn: edit.column + edit.numColumns - 1,
        oldValue: edit.numRows === 1 && edit.numColumns === 1 ? edit.oldValue : undefined,
        user: edit.user || session.userEmail(),
        today: today(),
        now: session.now().toISOString(),
      });
      return planned.ok ? ok({ plan: planned.value.plan, outcome: planned.value.recorded }) : planned;
    });
  }

  return {
    loadSidebar,
    checkVersion,
    openDocument,
    recordPayment: recordPaymentFromSidebar,
    voidDocument: voidDocumentFromSidebar,
    emailInvoice,
    createReportSheet,
    saveLocale,
    setupWorkbook,
    recordManualStateEdit,
    today,
    // The SII section (RCV and DTE import, reconciliation): its own file.
    ...createSiiApi(ports),
    // Collections (Gestiones, KPIs): its own file.
    ...createCollectionsApi(ports, transact, stamp),
    // Statements and reminders by email from the sidebar: its own file.
    ...createCustomerMailApi(ports, transact, stamp),
  };
}

export type ServerApiImpl = ReturnType<typeof createServerApi>;

/**
 * Every function the sidebar may call: Apps Script exposes these as top-level functions
 * (main.ts), the preview as POST /api/<name>. The sidebar's client is typed by `ServerApi`, so a
 * renamed function breaks the type-check, not the user. A new sidebar section adds its functions
 * to createServerApi and their names here.
 */
export const SIDEBAR_FUNCTIONS = [
  'loadSidebar',
  'checkVersion',
  'openDocument',
  'recordPayment',
  'voidDocument',
  'emailInvoice',
  'createReportSheet',
  'saveLocale',
  'previewSiiImport',
  'importSiiFiles',
  'reconcileRcv',
  'recordCollection',
  'collectionKpis',
  'customerStatement',
  'reminderPreview',
  'sendReminder',
  'emailStatement',
] as const satisfies readonly (keyof ServerApiImpl)[];
export type ServerFunctionName = (typeof SIDEBAR_FUNCTIONS)[number];
export type ServerApi = Pick<ServerApiImpl, ServerFunctionName>;

/** Rows per sheet as read: what rowCounts() says without reading values. */
const rowCountsOf = (tables: WorkbookTables): Record<string, number> => Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));

const WORKBOOK_TABS = [...Object.values(TABS), COMPANY_TAB];
const isWorkbookTab = (name: string): boolean => WORKBOOK_TABS.some((spec) => findTabName(spec, [name]) !== undefined);

const isStateHeader = (header: unknown): boolean => ['estado', 'state'].includes(headerKey(header));
