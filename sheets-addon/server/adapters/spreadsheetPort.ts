/// <reference types="google-apps-script" />
import {
  type Cell,
  type CellValue,
  type ChangePlan,
  type TabId,
  type TabLayout,
  type WorkbookTables,
  COMPANY_TAB,
  TABS,
  asLiteralText,
  currencyScale,
  findTabName,
  headerKey,
  isDateValue,
  isInstantValue,
  makeStartOfDay,
} from '../../../core';
import type { ReportTable } from '../../../core';
import type { SpreadsheetPort, TabSetup, TabSetupResult } from '../ports';
import { withBackoff } from './retry';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * One getValues call returns at most this many cells; taller sheets are read in pages of rows.
 * 500,000 cells keeps each response well inside Apps Script's memory and time limits while a
 * 10,000-invoice workbook (about 200,000 cells) still loads in a single call per tab.
 */
export const PAGE_CELLS = 500_000;

const LOCK_WAIT_MS = 30_000;
const WORKBOOK_TABS = [...Object.values(TABS), COMPANY_TAB];
const isWorkbookTab = (name: string): boolean => WORKBOOK_TABS.some((spec) => findTabName(spec, [name]) !== undefined);

function readSheetValues(sheet: Sheet): Cell[][] {
  const lastRow = withBackoff(() => sheet.getLastRow());
  const lastColumn = withBackoff(() => sheet.getLastColumn());
  if (lastRow === 0 || lastColumn === 0) return [];
  const pageRows = Math.max(1, Math.floor(PAGE_CELLS / lastColumn));
  let values: Cell[][] = [];
  for (let first = 1; first <= lastRow; first += pageRows) {
    const count = Math.min(pageRows, lastRow - first + 1);
    const page = withBackoff(() => sheet.getRange(first, 1, count, lastColumn).getValues()) as Cell[][];
    values = first === 1 ? page : values.concat(page);
  }
  return values;
}

/** Runs of adjacent cells in one row, so one setValues call writes each run. */
function cellRuns(plan: ChangePlan): { tab: TabId; row: number; column: number; values: CellValue[] }[] {
  const sorted = [...plan.updates].sort((a, b) => a.tab.localeCompare(b.tab) || a.row - b.row || a.column - b.column);
  const runs: { tab: TabId; row: number; column: number; values: CellValue[] }[] = [];
  for (const update of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.tab === update.tab && last.row === update.row && last.column + last.values.length === update.column) last.values.push(update.value);
    else runs.push({ tab: update.tab, row: update.row, column: update.column, values: [update.value] });
  }
  return runs;
}

const UNIQUE_NAME_LIMIT = 50;

/** Kept with the spreadsheet, so every user's sidebar and the edit trigger count the same writes. */
const WRITES_PROPERTY = 'facturas.writes';

export function appsScriptSpreadsheetPort(): SpreadsheetPort {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let zone: string | undefined;
  const timeZone = (): string => (zone ??= withBackoff(() => spreadsheet.getSpreadsheetTimeZone()));
  let startOfDay: ((date: string) => Date) | undefined;
  const dateCell = (date: string): Date => (startOfDay ??= makeStartOfDay(timeZone()))(date);

  // Dates are written as the instant of local midnight in the spreadsheet's zone; user text never becomes a formula.
  const toSheetValue = (value: CellValue): unknown => {
    if (value === null) return '';
    if (isDateValue(value)) return dateCell(value.date);
    if (isInstantValue(value)) return new Date(value.instant);
    return asLiteralText(value);
  };

  const sheetOf = (name: string): Sheet => {
    const sheet = withBackoff(() => spreadsheet.getSheetByName(name));
    if (!sheet) throw new Error(`La hoja «${name}» ya no existe; vuelva a abrir el panel.`);
    return sheet;
  };

  const sheetNames = (): { sheet: Sheet; name: string }[] => withBackoff(() => spreadsheet.getSheets()).map((sheet) => ({ sheet, name: sheet.getName() }));

  const applyValidations = (sheet: Sheet, header: readonly string[], setup: TabSetup): void => {
    const rows = Math.max(1, sheet.getMaxRows() - 1);
    for (const [title, allowed] of Object.entries(setup.validations)) {
      const index = header.findIndex((cell) => headerKey(cell) === headerKey(title));
      if (index < 0) continue;
      const range = sheet.getRange(2, index + 1, rows, 1);
      // An accountant's own rule on that column wins; ours is only added where none exists.
      if (range.getDataValidation() !== null) continue;
      range.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...allowed], true)
          .setAllowInvalid(false)
          .build(),
      );
    }
  };

  return {
    readTables(): WorkbookTables {
      const tables: Record<string, Cell[][]> = {};
      for (const { sheet, name } of sheetNames()) if (isWorkbookTab(name)) tables[name] = readSheetValues(sheet);
      return tables;
    },

    rowCounts(): Readonly<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const { sheet, name } of sheetNames()) {
        if (isWorkbookTab(name)) counts[name] = withBackoff(() => sheet.getLastRow());
      }
      return counts;
    },

    writeCount(): number {
      return Number(withBackoff(() => PropertiesService.getDocumentProperties().getProperty(WRITES_PROPERTY)) ?? 0) || 0;
    },

    countWrite(): void {
      const properties = PropertiesService.getDocumentProperties();
      const next = (Number(withBackoff(() => properties.getProperty(WRITES_PROPERTY)) ?? 0) || 0) + 1;
      withBackoff(() => properties.setProperty(WRITES_PROPERTY, String(next)));
    },

    readHeader(sheetName: string): readonly Cell[] {
      const sheet = sheetOf(sheetName);
      const lastColumn = sheet.getLastColumn();
      return lastColumn === 0 ? [] : (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as Cell[]);
    },

    timeZone,

    withDocumentLock<T>(work: () => T): T {
      const lock = LockService.getDocumentLock();
      if (!lock) throw new Error('No se pudo bloquear la planilla: abra el panel desde la planilla misma.');
      withBackoff(() => lock.waitLock(LOCK_WAIT_MS));
      try {
        const result = work();
        SpreadsheetApp.flush();
        return result;
      } finally {
        lock.releaseLock();
      }
    },

    applyPlan(plan: ChangePlan, layout: Readonly<Partial<Record<TabId, TabLayout>>>): void {
      const sheets = new Map<TabId, Sheet>();
      const sheetFor = (tab: TabId): Sheet => {
        let sheet = sheets.get(tab);
        if (!sheet) {
          const name = layout[tab]?.sheetName;
          if (name === undefined) throw new Error(`Falta la hoja ${TABS[tab].name}.`);
          sheet = sheetOf(name);
          sheets.set(tab, sheet);
        }
        return sheet;
      };
      for (const run of cellRuns(plan)) {
        const values = [run.values.map(toSheetValue)];
        withBackoff(() =>
          sheetFor(run.tab)
            .getRange(run.row, run.column + 1, 1, run.values.length)
            .setValues(values),
        );
      }
      // appendRow finds the last row itself and is not retried: a retry could add the row twice.
      for (const append of plan.appends) sheetFor(append.tab).appendRow(append.values.map(toSheetValue));
    },

    ensureTab(setup: TabSetup): TabSetupResult {
      const existing = sheetNames().find(({ name }) => findTabName({ ...TABS[setup.id], name: setup.name, alias: setup.alias }, [name]) !== undefined);
      if (!existing) {
        const sheet = spreadsheet.insertSheet(setup.name);
        const headers = setup.columns.map((c) => c.header);
        sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold');
        sheet.setFrozenRows(1);
        applyValidations(sheet, headers, setup);
        return 'created';
      }
      const { sheet } = existing;
      const lastColumn = sheet.getLastColumn();
      const header =
        lastColumn === 0
          ? []
          : sheet
              .getRange(1, 1, 1, lastColumn)
              .getValues()[0]!
              .map((cell) => String(cell));
      const present = new Set(header.map(headerKey));
      const missing = setup.columns.filter((c) => !present.has(headerKey(c.header)) && !present.has(headerKey(c.alias))).map((c) => c.header);
      let changed = false;
      if (missing.length > 0) {
        sheet
          .getRange(1, lastColumn + 1, 1, missing.length)
          .setValues([missing])
          .setFontWeight('bold');
        changed = true;
      }
      if (sheet.getFrozenRows() === 0) {
        sheet.setFrozenRows(1);
        changed = true;
      }
      applyValidations(sheet, [...header, ...missing], setup);
      return changed ? 'completed' : 'unchanged';
    },

    canCreateSheets: true,

    writeReportSheet(baseName: string, table: ReportTable): string {
      const taken = new Set(sheetNames().map(({ name }) => name));
      let name = baseName;
      for (let n = 2; taken.has(name) && n < UNIQUE_NAME_LIMIT; n++) name = `${baseName} (${n})`;
      const sheet = spreadsheet.insertSheet(name);
      const width = table.columns.length;
      const scale = currencyScale(table.currency);
      const cell = (index: number, value: unknown): unknown => {
        const kind = table.columns[index]?.kind;
        if (value === null || value === undefined) return '';
        if (kind === 'money' && typeof value === 'number') return value / 10 ** scale;
        if (kind === 'date' && typeof value === 'string') return dateCell(value);
        return typeof value === 'string' ? asLiteralText(value) : value;
      };
      const pad = (row: readonly unknown[]): unknown[] => Array.from({ length: width }, (_, i) => cell(i, row[i]));
      const headerRow = 4;
      const matrix = [pad([table.title]), pad([table.subtitle]), pad([]), table.columns.map((c) => c.header), ...table.rows.map(pad), ...table.footer.map(pad)];
      sheet.getRange(1, 1, matrix.length, width).setValues(matrix);
      sheet.getRange(1, 1).setFontSize(14).setFontWeight('bold');
      sheet.getRange(headerRow, 1, 1, width).setFontWeight('bold').setBackground('#e8eaed');
      sheet.setFrozenRows(headerRow);
      const dataRows = table.rows.length + table.footer.length;
      if (dataRows > 0) {
        table.columns.forEach((column, i) => {
          const format = column.kind === 'money' ? (scale === 0 ? '"$"#,##0' : '#,##0.00') : column.kind === 'date' ? 'dd-mm-yyyy' : column.kind === 'count' ? '#,##0' : null;
          if (format) sheet.getRange(headerRow + 1, i + 1, dataRows, 1).setNumberFormat(format);
        });
      }
      if (table.footer.length > 0) sheet.getRange(headerRow + table.rows.length + 1, 1, table.footer.length, width).setFontWeight('bold');
      sheet.autoResizeColumns(1, width);
      return name;
    },
  };
}
