import { type Cell, type CellValue, type ChangePlan, type Locale, type TabId, type TabLayout, type WorkbookTables, isDateValue, isInstantValue } from '../../core';
import type { SpreadsheetPort, TabSetup, TabSetupResult } from '../../sheets-addon/server/ports';
import { previewMessages } from './previewMessages';

/** A write the preview made in memory, to be made again on the file under its lock. */
export interface PendingWrite {
  readonly plan: ChangePlan;
  readonly layout: Readonly<Partial<Record<TabId, TabLayout>>>;
}

/** What exceljs would hold after writing `value`: dates at UTC midnight, as the store writes them. */
function asXlsxCell(value: CellValue): Cell {
  if (isDateValue(value)) return new Date(`${value.date}T00:00:00.000Z`);
  if (isInstantValue(value)) return new Date(value.instant);
  return value;
}

/**
 * The add-on's SpreadsheetPort over an in-memory snapshot of the local .xlsx, so the same server
 * API runs in `facturas serve`. Writes change the snapshot (the answer shows them at once) and are
 * kept in `pending`, which the preview then writes to the file through the workbook store.
 */
export class PreviewSpreadsheetPort implements SpreadsheetPort {
  readonly pending: PendingWrite[] = [];
  readonly canCreateSheets = false;
  private readonly tables: Record<string, Cell[][]>;

  /** The bridge's count of writes to the file; see createPreviewBridge. */
  writes: number;

  constructor(
    snapshot: WorkbookTables,
    private readonly locale: () => Locale = () => 'es',
    writes = 0,
  ) {
    this.writes = writes;
    this.tables = Object.fromEntries(Object.entries(snapshot).map(([name, rows]) => [name, rows.map((row) => [...row])]));
  }

  readTables(): WorkbookTables {
    return this.tables;
  }

  rowCounts(): Readonly<Record<string, number>> {
    return Object.fromEntries(Object.entries(this.tables).map(([name, rows]) => [name, rows.length]));
  }

  writeCount(): number {
    return this.writes;
  }

  countWrite(): void {
    this.writes++;
  }

  readHeader(sheetName: string): readonly Cell[] {
    return this.tables[sheetName]?.[0] ?? [];
  }

  timeZone(): string {
    // exceljs gives date cells as UTC midnight of the calendar day.
    return 'UTC';
  }

  withDocumentLock<T>(work: () => T): T {
    // The inter-process lock is the store's, taken when the pending writes reach the file.
    return work();
  }

  applyPlan(plan: ChangePlan, layout: Readonly<Partial<Record<TabId, TabLayout>>>): void {
    this.pending.push({ plan, layout });
    for (const update of plan.updates) {
      const rows = this.rowsOf(update.tab, layout);
      const row = (rows[update.row - 1] ??= []);
      row[update.column] = asXlsxCell(update.value);
    }
    const next = new Map<TabId, number>();
    for (const append of plan.appends) {
      const rows = this.rowsOf(append.tab, layout);
      const index = next.get(append.tab) ?? layout[append.tab]!.lastRow;
      next.set(append.tab, index + 1);
      rows[index] = append.values.map(asXlsxCell);
    }
  }

  ensureTab(_setup: TabSetup): TabSetupResult {
    throw new Error(previewMessages(this.locale()).noSetupInPreview);
  }

  writeReportSheet(): string {
    throw new Error(previewMessages(this.locale()).noSheetsInPreview);
  }

  private rowsOf(tab: TabId, layout: Readonly<Partial<Record<TabId, TabLayout>>>): Cell[][] {
    const name = layout[tab]?.sheetName;
    const rows = name === undefined ? undefined : this.tables[name];
    if (!rows) throw new Error(previewMessages(this.locale()).tabMissing(tab));
    return rows;
  }
}
