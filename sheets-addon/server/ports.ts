import type { Cell, ChangePlan, Locale, TabLayout, TabId, WorkbookTables } from '../../core';
import type { ReportTable } from '../../core';

/** What setup asks of one tab: its name and headers, and the list each validated column accepts. */
export interface TabSetup {
  readonly id: TabId;
  readonly name: string;
  readonly alias: string;
  /** Canonical Spanish header and the English alias that also counts as present. */
  readonly columns: readonly { readonly header: string; readonly alias: string }[];
  /** Header text -> values the column accepts (Tipo, Estado, Origen). */
  readonly validations: Readonly<Record<string, readonly string[]>>;
}

export type TabSetupResult = 'created' | 'completed' | 'unchanged';

/**
 * The spreadsheet as the server API sees it, synchronous like SpreadsheetApp. Apps Script binds it
 * to SpreadsheetApp (adapters/); the local preview to an in-memory copy of the .xlsx workbook.
 */
export interface SpreadsheetPort {
  /** Every sheet's values by name, as getValues returns them, in a few batched calls whatever the size. */
  readTables(): WorkbookTables;
  /** Rows of each sheet readTables returns (its values' length), without reading any values: the cheap half of the version. */
  rowCounts(): Readonly<Record<string, number>>;
  /** Writes the add-on and the edit trigger have made to this spreadsheet, kept with it (DocumentProperties). */
  writeCount(): number;
  /** Counts one more write; called under the document lock, after the write. */
  countWrite(): void;
  /** Row 1 of one sheet, for triggers that must decide cheaply whether an edit concerns them. */
  readHeader(sheetName: string): readonly Cell[];
  /** The spreadsheet's time zone: date cells hold local midnight there. */
  timeZone(): string;
  /** Runs `work` holding the document lock, so two writers never interleave. */
  withDocumentLock<T>(work: () => T): T;
  /** Writes only the planned cells and appends the planned rows. */
  applyPlan(plan: ChangePlan, layout: Readonly<Partial<Record<TabId, TabLayout>>>): void;
  /** Creates a missing tab or completes its header row; never touches rows below the header. */
  ensureTab(setup: TabSetup): TabSetupResult;
  /** False in the local preview, whose workbook store only writes cells and rows. */
  readonly canCreateSheets: boolean;
  /** A new formatted sheet for a report; returns its name (made unique). */
  writeReportSheet(baseName: string, table: ReportTable): string;
}

export interface MailAttachment {
  readonly fileName: string;
  readonly mimeType: string;
  readonly base64: string;
}

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly attachment: MailAttachment;
}

export interface MailPort {
  remainingDailyQuota(): number;
  send(message: MailMessage): void;
}

/** Who is calling, the clock and per-user settings. */
export interface SessionPort {
  userEmail(): string;
  /** Where "today" is decided and times are shown: the spreadsheet's zone, or FACTURAS_TIMEZONE locally. */
  businessTimeZone(): string;
  /** The business date payments default to and statuses are computed at (ISO). */
  today(): string;
  now(): Date;
  savedLocale(): Locale | null;
  saveLocale(locale: Locale): void;
  /** Installs the Estado edit trigger once; false where triggers do not exist (the preview). */
  ensureEditTrigger(): boolean;
}

export interface AddonPorts {
  readonly sheet: SpreadsheetPort;
  readonly mail: MailPort;
  readonly session: SessionPort;
  /** `apps-script` in Google Sheets, `preview` under `facturas serve`. */
  readonly environment: 'apps-script' | 'preview';
}
