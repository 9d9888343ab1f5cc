import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type Book, type Cell, CHILE, buildLedger } from '../../core';
import { createWorkbook } from '../../core/node/xlsxCreate';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { workbookTables } from '../../core/node/xlsxTables';
import { type SidebarProjection, bookOfProjection, decodeProjection } from '../../core/projection';
import { dateToSerial, instantToSerial, openSheetsStore } from '../../core/node/sheetsStore';
import { startFakeSheetsApi } from '../fakes/sheetsApi';
import { asJson, loadAddon } from '../addon/loadBundle';

/**
 * The spreadsheet is the system of record and the three faces read it through three stores:
 * the .xlsx file (CLI, preview, bot by default), the Sheets API (bot with GOOGLE_SHEET_ID) and
 * SpreadsheetApp (add-on). The same workbook must give the same book, and so the same balances.
 */
const TODAY = '2026-11-27';
const ZONE = 'America/Santiago';
const HISTORIAL_TIMESTAMP_COLUMN = 1;

const isUtcMidnight = (d: Date): boolean => d.getTime() % 86_400_000 === 0;

/**
 * The instant getValues returns for a date cell: the first moment of that day in the sheet's zone.
 * Usually local midnight; on the day Chile moves its clocks forward at midnight, 01:00.
 */
function startOfLocalDay(utcMidnight: Date, zone: string): Date {
  const day = utcMidnight.toISOString().slice(0, 10);
  const dateIn = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const quarterHour = 15 * 60_000;
  for (let t = utcMidnight.getTime() - 14 * 3_600_000; ; t += quarterHour) {
    if (dateIn.format(new Date(t)) === day) return new Date(t);
  }
}

/** Cells as each face's API hands them over, from the same file. */
function asSheetsApiCells(tables: Record<string, readonly (readonly Cell[])[]>): Record<string, (string | number | boolean | null)[][]> {
  return Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      rows.map((row) =>
        row.map((cell) => {
          if (!(cell instanceof Date)) return cell ?? null;
          return isUtcMidnight(cell) ? dateToSerial(cell.toISOString().slice(0, 10)) : instantToSerial(cell, ZONE);
        }),
      ),
    ]),
  );
}

function asAppsScriptCells(tables: Record<string, readonly (readonly Cell[])[]>): Record<string, Cell[][]> {
  return Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      rows.map((row, r) => row.map((cell, c) => (cell instanceof Date && isUtcMidnight(cell) && !(name === 'Historial' && c === HISTORIAL_TIMESTAMP_COLUMN && r > 0) ? startOfLocalDay(cell, ZONE) : cell))),
    ]),
  );
}

const positionsOf = (book: Book) =>
  buildLedger(book, TODAY, CHILE).views.map(({ type, number, customerTaxId, issueDate, dueDate, net, exempt, tax, total, paid, balance, paymentStatus }) => ({ type, number, customerTaxId, issueDate, dueDate, net, exempt, tax, total, paid, balance, paymentStatus }));

describe('the add-on, the bot and the command read one workbook the same way', () => {
  let folder: string;
  let file: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'facturas-agree-'));
    file = path.join(folder, 'facturas.xlsx');
    await createWorkbook(file, { demo: true, today: TODAY });
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('gives the same documents, lines, payments, customers, history and balances', async () => {
    const fromFile = await openXlsxStore(file).read();
    expect(fromFile.issues).toEqual([]);
    expect(fromFile.book.documents.length).toBeGreaterThan(250);

    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(file);
    const tables = workbookTables(excel) as Record<string, readonly (readonly Cell[])[]>;

    const sheetsApi = await startFakeSheetsApi(asSheetsApiCells(tables), { timeZone: ZONE });
    try {
      const fromSheets = await openSheetsStore({ spreadsheetId: sheetsApi.spreadsheetId, rootUrl: sheetsApi.rootUrl }).read();
      expect(fromSheets.issues).toEqual([]);
      expect(fromSheets.book).toEqual(fromFile.book);
    } finally {
      await sheetsApi.close();
    }

    const { context } = loadAddon({ sheets: asAppsScriptCells(tables), timeZone: ZONE, now: new Date(`${TODAY}T15:00:00Z`) });
    // The sidebar gets a projection (docs/sidebar-data.md): decoded as the sidebar decodes it, every
    // document has the same amounts, balance and status as the file read gives.
    const fromAddon = asJson(context.loadSidebar()) as { projection: SidebarProjection; issuer: Book['issuer']; issues: unknown[] };
    expect(fromAddon.issues).toEqual([]);
    const projected = bookOfProjection(decodeProjection(fromAddon.projection, CHILE), fromAddon.issuer);
    expect(projected.documents.length).toBe(fromFile.book.documents.length);
    expect(positionsOf(projected)).toEqual(positionsOf(fromFile.book));
  });
});
