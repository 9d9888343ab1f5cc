import {
  type Book,
  type ChangePlan,
  type Issue,
  type Locale,
  type PaymentStatus,
  type Result,
  type WorkbookRead,
  type WorkbookTables,
  CHILE,
  TABS,
  TAB_IDS,
  COLLECTION_TAB_IDS,
  buildLedger,
  documentKey,
  findDocument,
  issue,
  ok,
  planManualStateEdit,
  readWorkbook,
  choiceLabels,
  recordTypedPayment,
  voidDocument,
  findTabName,
  headerKey,
} from '../../core';
import { agingReport, agingTable, libroDeVentas, libroDeVentasTable, statusSummary, statusSummaryTable, type ReportTable } from '../../core';
import type { AddonPorts, TabSetup, TabSetupResult } from './ports';
import {
  type EmailInput,
  type PaymentInput,
  type ReportSheetInput,
  type VoidInput,
  EmailInputSchema,
  PaymentInputSchema,
  ReportSheetInputSchema,
  VoidInputSchema,
  checkPeriod,
  parseInput,
} from './inputs';
import { onlyChangedCells } from './onlyChangedCells';

const PROFILE = CHILE;

/** Everything the sidebar shows, in one call: it filters, sorts, searches and reports locally. */
export interface SidebarState {
  readonly environment: AddonPorts['environment'];
  readonly today: string;
  readonly timeZone: string;
  readonly locale: Locale;
  readonly user: string;
  readonly book: Book;
  /** Rows that could not be read, each naming tab, row and column. */
  readonly issues: readonly Issue[];
  readonly mailQuota: number;
  readonly canCreateSheets: boolean;
}

/** A call that changes data answers with the fresh state, so the sidebar never shows stale numbers. */
export type Mutation<T> = { readonly ok: true; readonly value: T; readonly state: SidebarState } | { readonly ok: false; readonly issues: readonly Issue[] };

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

  const readBook = (): { read: WorkbookRead; tables: WorkbookTables } => {
    const tables = sheet.readTables();
    return { tables, read: readWorkbook(tables, { profile: PROFILE, timeZone: sheet.timeZone() }) };
  };
  const today = (): string => session.today();
  const locale = (): Locale => session.savedLocale() ?? 'es';

  const loadSidebar = (): SidebarState => {
    const { read } = readBook();
    return {
      environment: ports.environment,
      today: today(),
      timeZone: session.businessTimeZone(),
      locale: locale(),
      user: session.userEmail(),
      book: read.book,
      issues: read.issues,
      mailQuota: mail.remainingDailyQuota(),
      canCreateSheets: sheet.canCreateSheets,
    };
  };

  /** Fresh read under the document lock, so the row is found again by Tipo and Folio however rows moved. */
  const transact = <T>(decide: (read: WorkbookRead) => Result<{ plan: ChangePlan; outcome: T }>): Result<T> =>
    sheet.withDocumentLock(() => {
      const { read, tables } = readBook();
      const decision = decide(read);
      if (!decision.ok) return decision;
      sheet.applyPlan(onlyChangedCells(decision.value.plan, tables, read.layout), read.layout);
      return { ok: true as const, value: decision.value.outcome };
    });

  const mutation = <T>(result: Result<T>): Mutation<T> => (result.ok ? { ok: true, value: result.value, state: loadSidebar() } : { ok: false, issues: result.issues });

  const stamp = () => ({ user: session.userEmail(), channel: 'sidebar' as const, today: today(), now: session.now().toISOString() });

  function recordPaymentFromSidebar(input: PaymentInput): Mutation<StatusChange> {
    const parsed = parseInput(PaymentInputSchema, input);
    if (!parsed.ok) return { ok: false, issues: parsed.issues };
    const { expectedBalance, ...typed } = parsed.value;
    return mutation(
      transact((read) => {
        const planned = recordTypedPayment(read, PROFILE, typed, { ...stamp(), expectedBalance });
        if (!planned.ok) return planned;
        const { plan, before, after } = planned.value;
        return { ok: true, value: { plan, outcome: { key: documentKey(before), before: before.paymentStatus, after: after.paymentStatus } } };
      }),
    );
  }

  function voidDocumentFromSidebar(input: VoidInput): Mutation<StatusChange> {
    const parsed = parseInput(VoidInputSchema, input);
    if (!parsed.ok) return { ok: false, issues: parsed.issues };
    const request = { document: parsed.value.document, ...stamp() };
    return mutation(
      transact((read) => {
        const planned = voidDocument(read, PROFILE, request);
        if (!planned.ok) return planned;
        const { plan, before, after } = planned.value;
        return { ok: true, value: { plan, outcome: { key: documentKey(before), before: before.paymentStatus, after: after.paymentStatus } } };
      }),
    );
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
      [...TAB_IDS, ...COLLECTION_TAB_IDS].map((id) => {
        const spec = TABS[id];
        const columns = spec.columns.map(({ header, alias }) => ({ header, alias }));
        const validations = id === 'facturas' ? VALIDATED_LISTS : {};
        const setup: TabSetup = { id, name: spec.name, alias: spec.alias, columns, validations };
        return { name: spec.name, result: sheet.ensureTab(setup) };
      }),
    );
    return { tabs, editTrigger: session.ensureEditTrigger() };
  }

  /**
   * An accountant typed in the Estado column: Historial gets who, when and the payment status
   * before and after, and the derived columns of that row are refreshed. Other edits only read the header row.
   */
  function recordManualStateEdit(edit: EditEvent): number {
    if (findTabName(TABS.facturas, [edit.sheetName]) === undefined || edit.row + edit.numRows - 1 < 2) return 0;
    const headerStateColumn = sheet.readHeader(edit.sheetName).findIndex(isStateHeader) + 1;
    if (headerStateColumn < edit.column || headerStateColumn > edit.column + edit.numColumns - 1) return 0;
    const result = transact<number>((read) => {
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
    return result.ok ? result.value : 0;
  }

  return {
    loadSidebar,
    recordPayment: recordPaymentFromSidebar,
    voidDocument: voidDocumentFromSidebar,
    emailInvoice,
    createReportSheet,
    saveLocale,
    setupWorkbook,
    recordManualStateEdit,
    today,
  };
}

export type ServerApiImpl = ReturnType<typeof createServerApi>;

const isStateHeader = (header: unknown): boolean => ['estado', 'state'].includes(headerKey(header));
