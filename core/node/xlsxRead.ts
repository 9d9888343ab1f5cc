import { promises as fs } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Cell, SheetValues, WorkbookTables } from '../index';
import { type CellFormats, locateParts, parseCellFormats, readPartText, type XlsxParts } from './xlsxParts';
import { WorkbookNotFoundError, WorkbookUnreadableError } from './xlsxFile';
import { ZipPackage } from './zipPackage';

/** An opened .xlsx: the zip, where its parts are, and the cell formats, for reading and for writing. */
export interface XlsxPackage {
  readonly zip: ZipPackage;
  readonly parts: XlsxParts;
  readonly stylesXml: string | null;
  readonly formats: CellFormats;
}

export async function openXlsxPackage(filePath: string): Promise<XlsxPackage> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new WorkbookNotFoundError(filePath);
    throw error;
  }
  try {
    const zip = ZipPackage.parse(bytes);
    const parts = await locateParts(zip);
    const stylesXml = parts.stylesPart ? await readPartText(zip, parts.stylesPart) : null;
    return { zip, parts, stylesXml, formats: parseCellFormats(stylesXml) };
  } catch (error) {
    throw new WorkbookUnreadableError(filePath, error instanceof Error ? error.message : String(error));
  }
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** Excel escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_). */
export const decodeOoxmlEscapes = (text: string): string => (text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text);

/** Feeds a part to saxes a piece at a time as it inflates, so a 50 MB sheet never sits whole in memory as text. */
async function parsePart(pkg: XlsxPackage, part: string, parser: SaxesParser): Promise<void> {
  const stream = pkg.zip.stream(part);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
  parser.write(decoder.decode()).close();
}

/** Every string of sharedStrings.xml as plain text: rich runs joined, phonetic guides left out. */
async function readSharedStrings(pkg: XlsxPackage): Promise<string[]> {
  const strings: string[] = [];
  if (!pkg.parts.sharedStringsPart) return strings;
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let current = '';
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') current = '';
    else if (name === 't') inText = phonetic === 0;
    else if (name === 'rPh') phonetic++;
  });
  parser.on('text', (text) => {
    if (inText) current += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si') strings.push(decodeOoxmlEscapes(current));
  });
  await parsePart(pkg, pkg.parts.sharedStringsPart, parser);
  return strings;
}

const MS_PER_DAY = 24 * 3600 * 1000;
const COLUMN_LETTERS = /^([A-Z]+)(\d+)$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** A cell reference such as "T120" as 1-based column and row. */
export function decodeReference(reference: string): { column: number; row: number } | null {
  const match = COLUMN_LETTERS.exec(reference);
  return match ? { column: columnNumber(match[1]!), row: Number(match[2]) } : null;
}

/** Serial days to the instant exceljs gives: UTC midnight of the calendar day, plus the time of day. */
export const serialToDate = (serial: number, date1904: boolean): Date => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));

/**
 * One sheet as rows of cells, as core reads them: dates as Dates where the cell's format shows a
 * date, formulas as their cached result, rich and shared text as plain text, the cells a merge
 * covers (other than its first) empty.
 */
async function readSheet(pkg: XlsxPackage, part: string, sharedStrings: readonly string[]): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  let width = 0;
  let rowNumber = 0;
  let columnNumberNow = 0;
  let type = 'n';
  let style = 0;
  let hasFormula = false;
  let value: string | null = null;
  let inline: string | null = null;
  let capture: 'v' | 't' | null = null;
  let phonetic = 0;
  let inSheetData = false;
  const merges: string[] = [];

  const finishCell = (): void => {
    let cell: Cell = null;
    if (hasFormula || type !== 'inlineStr') {
      if (value !== null) {
        if (type === 's' && !hasFormula) cell = sharedStrings[Number(value)] ?? null;
        else if (type === 'str' || type === 'inlineStr') cell = decodeOoxmlEscapes(value);
        else if (type === 'b') cell = Number.parseInt(value, 10) !== 0;
        else if (type === 'e') cell = value;
        else {
          const number = Number.parseFloat(value);
          cell = pkg.formats.isDate(style) ? serialToDate(number, pkg.parts.date1904) : number;
        }
      }
    } else if (inline !== null) cell = decodeOoxmlEscapes(inline);
    const row = rows[rowNumber - 1] ?? (rows[rowNumber - 1] = []);
    row[columnNumberNow - 1] = cell;
    if (columnNumberNow > width) width = columnNumberNow;
  };

  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (!inSheetData) {
      if (name === 'sheetData') inSheetData = true;
      else if (name === 'mergeCell' && tag.attributes.ref) merges.push(tag.attributes.ref);
      return;
    }
    switch (name) {
      case 'row': {
        const r = tag.attributes.r;
        rowNumber = r ? Number(r) : rowNumber + 1;
        columnNumberNow = 0;
        if (rows[rowNumber - 1] === undefined) rows[rowNumber - 1] = [];
        break;
      }
      case 'c': {
        const reference = tag.attributes.r ? decodeReference(tag.attributes.r) : null;
        columnNumberNow = reference ? reference.column : columnNumberNow + 1;
        if (reference && reference.row !== rowNumber) rowNumber = reference.row;
        type = tag.attributes.t ?? 'n';
        style = tag.attributes.s ? Number(tag.attributes.s) : 0;
        hasFormula = false;
        value = null;
        inline = null;
        phonetic = 0;
        break;
      }
      case 'f':
        hasFormula = true;
        break;
      case 'v':
        capture = 'v';
        break;
      case 'is':
        inline = '';
        break;
      case 't':
        if (inline !== null && phonetic === 0) capture = 't';
        break;
      case 'rPh':
        phonetic++;
        break;
    }
  });
  parser.on('text', (text) => {
    if (capture === 'v') value = (value ?? '') + text;
    else if (capture === 't') inline += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'v' || name === 't') capture = null;
    else if (name === 'rPh') phonetic--;
    else if (name === 'c' && inSheetData) finishCell();
    else if (name === 'sheetData') inSheetData = false;
  });
  await parsePart(pkg, part, parser);

  for (const range of merges) {
    const [from, to] = range.split(':').map(decodeReference);
    if (!from || !to) continue;
    for (let r = from.row; r <= to.row; r++) {
      const row = rows[r - 1];
      if (!row) continue;
      for (let c = from.column; c <= to.column; c++) if ((r !== from.row || c !== from.column) && c <= row.length) row[c - 1] = null;
    }
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const dense = new Array<Cell>(width).fill(null);
    for (let c = 0; c < row.length; c++) if (row[c] !== undefined) dense[c] = row[c]!;
    rows[r] = dense;
  }
  return rows;
}

/** Every worksheet of the package by name, read as it streams out of the zip. */
export async function readPackageTables(pkg: XlsxPackage): Promise<WorkbookTables> {
  const sharedStrings = await readSharedStrings(pkg);
  const tables: Record<string, SheetValues> = {};
  for (const sheet of pkg.parts.sheets) tables[sheet.name] = await readSheet(pkg, sheet.part, sharedStrings);
  return tables;
}

/** Opens and reads the workbook file; errors name the file. */
export async function readXlsxTables(filePath: string): Promise<{ pkg: XlsxPackage; tables: WorkbookTables }> {
  const pkg = await openXlsxPackage(filePath);
  try {
    return { pkg, tables: await readPackageTables(pkg) };
  } catch (error) {
    throw new WorkbookUnreadableError(filePath, error instanceof Error ? error.message : String(error));
  }
}
