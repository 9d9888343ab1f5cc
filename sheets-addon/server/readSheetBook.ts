import { type WorkbookRead, type WorkbookTables, CHILE, readWorkbook } from '../../core';
import type { SpreadsheetPort } from './ports';

/** Every tab read once, in the spreadsheet's time zone, and the tables it came from (a write plans against them). */
export function readSheetBook(sheet: SpreadsheetPort): { read: WorkbookRead; tables: WorkbookTables } {
  const tables = sheet.readTables();
  return { tables, read: readWorkbook(tables, { profile: CHILE, timeZone: sheet.timeZone() }) };
}
