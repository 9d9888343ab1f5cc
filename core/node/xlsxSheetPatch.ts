import { type CellValue, isDateValue, isInstantValue } from '../index';
import { columnNumber, decodeReference } from './xlsxRead';

/** One cell to write, 1-based, with the style it should wear when the sheet has none for it yet. */
export interface CellWrite {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
}

/** How the patch turns a plan's values into cells; the workbook's styles are consulted through it. */
export interface PatchStyles {
  /** Whether the cell format `s` shows a date. */
  isDate(styleIndex: number): boolean;
  /** A cell format like `s` that shows a date (or a date and time); added to styles.xml if needed. */
  dateStyleLike(styleIndex: number, withTime: boolean): number;
  readonly date1904: boolean;
}

export class SheetPatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetPatchError';
  }
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Characters XML 1.0 cannot hold become Excel's _xHHHH_ escapes, and a literal "_xHHHH_" is protected the same way. */
const escapeCellText = (text: string): string =>
  escapeXml(
    text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`),
  );

const MS_PER_DAY = 24 * 3600 * 1000;
const dateToSerial = (ms: number, date1904: boolean): number => 25569 + ms / MS_PER_DAY - (date1904 ? 1462 : 0);

/**
 * The XML of one cell. Text is an inline string (sharedStrings.xml stays as it is) and never a
 * formula, whatever it starts with; dates are serial numbers in a date format; an empty value
 * leaves the cell with its format and nothing in it.
 */
export function cellXml(reference: string, value: CellValue, style: number | null, styles: PatchStyles): string {
  let s = style;
  let body = '';
  let type = '';
  if (value === null || value === '') body = '';
  else if (typeof value === 'string') {
    type = 'inlineStr';
    const preserve = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
    body = `<is><t${preserve}>${escapeCellText(value)}</t></is>`;
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SheetPatchError(`the value for ${reference} is not a finite number`);
    body = `<v>${String(value)}</v>`;
  } else if (typeof value === 'boolean') {
    type = 'b';
    body = `<v>${value ? 1 : 0}</v>`;
  } else if (isDateValue(value) || isInstantValue(value)) {
    const ms = isDateValue(value) ? Date.parse(`${value.date}T00:00:00Z`) : Date.parse(value.instant);
    if (Number.isNaN(ms)) throw new SheetPatchError(`the date for ${reference} is not a valid date`);
    if (s === null || !styles.isDate(s)) s = styles.dateStyleLike(s ?? 0, isInstantValue(value));
    body = `<v>${String(dateToSerial(ms, styles.date1904))}</v>`;
  }
  const styleAttribute = s !== null && s !== 0 ? ` s="${s}"` : '';
  const typeAttribute = type ? ` t="${type}"` : '';
  return body ? `<c r="${reference}"${styleAttribute}${typeAttribute}>${body}</c>` : `<c r="${reference}"${styleAttribute}/>`;
}

interface ParsedCell {
  readonly column: number;
  readonly xml: string;
  readonly style: number | null;
}

interface RowSpan {
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly openTag: string;
  readonly inner: string;
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function parseCells(inner: string, rowNumber: number): ParsedCell[] {
  const cells: ParsedCell[] = [];
  const pattern = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g;
  let column = 0;
  for (let match = pattern.exec(inner); match; match = pattern.exec(inner)) {
    const reference = attribute(match[1]!, 'r');
    const decoded = reference ? decodeReference(reference) : null;
    column = decoded ? decoded.column : column + 1;
    if (decoded && decoded.row !== rowNumber) throw new SheetPatchError(`cell ${reference} sits in row ${rowNumber}`);
    const s = attribute(match[1]!, 's');
    cells.push({ column, xml: match[0], style: s === undefined ? null : Number(s) });
  }
  return cells;
}

/** Every <row> of sheetData with its place in the text, in order; rows without r count on from the previous. */
function scanRows(xml: string, from: number, to: number): RowSpan[] {
  const rows: RowSpan[] = [];
  const pattern = /<(?:\w+:)?row\b([^>]*?)(\/?)>/g;
  pattern.lastIndex = from;
  let number = 0;
  for (let match = pattern.exec(xml); match && match.index < to; match = pattern.exec(xml)) {
    const r = attribute(match[1]!, 'r');
    number = r ? Number(r) : number + 1;
    const openTag = match[0];
    if (match[2] === '/') {
      rows.push({ number, start: match.index, end: match.index + openTag.length, openTag, inner: '' });
      continue;
    }
    const close = /<\/(?:\w+:)?row>/g;
    close.lastIndex = pattern.lastIndex;
    const closing = close.exec(xml);
    if (!closing) throw new SheetPatchError(`row ${number} is not closed`);
    rows.push({ number, start: match.index, end: closing.index + closing[0].length, openTag, inner: xml.slice(pattern.lastIndex, closing.index) });
    pattern.lastIndex = closing.index + closing[0].length;
  }
  return rows;
}

/** Finds the rows a patch touches, and where a new row goes, without building every row of a large sheet when it can. */
interface RowIndex {
  get(number: number): RowSpan | undefined;
  /** Where a new row `number` goes: before the first existing row below it, or at the end of sheetData. */
  insertionPoint(number: number): number;
}

function fullRowIndex(xml: string, from: number, to: number): RowIndex {
  const rows = scanRows(xml, from, to);
  const byNumber = new Map(rows.map((row) => [row.number, row]));
  return { get: (number) => byNumber.get(number), insertionPoint: (number) => rows.find((row) => row.number > number)?.start ?? to };
}

/**
 * Excel, LibreOffice, exceljs and SheetJS all write every row as `<row r="N"`, in ascending order
 * (as the format requires): then a row is found by searching for its opening text, and a row after
 * the last one goes at the end, with no pass over the other 100,000 rows.
 */
function directRowIndex(xml: string, from: number, to: number): RowIndex | null {
  const region = xml.slice(from, to);
  if (/<\w+:row\b|<row(?! r="\d)[\s>/]/.test(region)) return null;
  const rowAt = (start: number): RowSpan => scanRows(xml, start, start + 1)[0]!;
  const lastStart = xml.lastIndexOf('<row r="', to);
  const lastNumber = lastStart >= from ? Number(/^<row r="(\d+)"/.exec(xml.slice(lastStart, lastStart + 24))?.[1]) : 0;
  return {
    get(number) {
      const start = xml.indexOf(`<row r="${number}"`, from);
      return start >= 0 && start < to ? rowAt(start) : undefined;
    },
    insertionPoint(number) {
      return number > lastNumber ? to : fullRowIndex(xml, from, to).insertionPoint(number);
    },
  };
}

/** Row attributes a new row takes from the data row above: its height and row format, not hidden or outline state. */
const COPIED_ROW_ATTRIBUTES = ['s', 'customFormat', 'ht', 'customHeight', 'x14ac:dyDescent'];

function rowOpenTag(number: number, cells: readonly ParsedCell[], model: RowSpan | undefined, original: RowSpan | undefined): string {
  const first = cells[0]?.column ?? 1;
  const last = cells.at(-1)?.column ?? 1;
  if (original) {
    // Keep every attribute as it was; only widen spans (a hint readers use to size the row).
    const tag = original.openTag.replace(/\/>$/, '>');
    const spans = attribute(tag, 'spans');
    if (spans === undefined) return tag;
    const [a, b] = spans.split(':').map(Number);
    return tag.replace(/\sspans="[^"]*"/, ` spans="${Math.min(a ?? first, first)}:${Math.max(b ?? last, last)}"`);
  }
  const copied = model ? COPIED_ROW_ATTRIBUTES.map((name) => [name, attribute(model.openTag, name)] as const).filter(([, v]) => v !== undefined) : [];
  return `<row r="${number}"${copied.map(([name, v]) => ` ${name}="${v}"`).join('')}>`;
}

function columnStyles(xml: string): (column: number) => number | null {
  const ranges: { min: number; max: number; style: number }[] = [];
  const cols = /<(?:\w+:)?cols>([\s\S]*?)<\/(?:\w+:)?cols>/.exec(xml.slice(0, xml.search(/<(?:\w+:)?sheetData\b/)));
  if (cols) {
    for (const col of cols[1]!.matchAll(/<(?:\w+:)?col\b([^>]*)\/?>/g)) {
      const style = attribute(col[1]!, 'style');
      if (style !== undefined) ranges.push({ min: Number(attribute(col[1]!, 'min')), max: Number(attribute(col[1]!, 'max')), style: Number(style) });
    }
  }
  return (column) => ranges.find((range) => column >= range.min && column <= range.max)?.style ?? null;
}

export interface SheetChanges {
  /** Cells of existing rows to overwrite, keeping each cell's own format. */
  readonly updates: readonly CellWrite[];
  /** New rows: each value in the column of its index, formatted like `modelRow`'s cell in that column. */
  readonly appends: readonly { readonly row: number; readonly values: readonly CellValue[] }[];
  /** The data row new rows look like (the last one read), or null when there is none. */
  readonly modelRow: number | null;
}

/**
 * The sheet's XML with only the given cells and rows changed: every other byte of the text
 * (other rows, columns, merges, protection, drawings, conditional formats) stays as it was.
 */
export function patchSheetXml(xml: string, changes: SheetChanges, styles: PatchStyles): string {
  const open = /<((?:\w+:)?sheetData)\b([^>]*?)(\/?)>/.exec(xml);
  if (!open) throw new SheetPatchError('the sheet has no sheetData');
  // An empty <sheetData/> is opened up first, so rows have somewhere to go.
  if (open[3] === '/') return patchSheetXml(`${xml.slice(0, open.index)}<${open[1]}${open[2]}></${open[1]}>${xml.slice(open.index + open[0].length)}`, changes, styles);
  const dataStart = open.index + open[0].length;
  const close = /<\/(?:\w+:)?sheetData>/g;
  close.lastIndex = dataStart;
  const closing = close.exec(xml);
  if (!closing) throw new SheetPatchError('the sheet has no closing sheetData');
  const dataEnd = closing.index;
  const rowIndex = directRowIndex(xml, dataStart, dataEnd) ?? fullRowIndex(xml, dataStart, dataEnd);
  const model = changes.modelRow === null ? undefined : rowIndex.get(changes.modelRow);
  const modelStyles = new Map((model ? parseCells(model.inner, model.number) : []).map((cell) => [cell.column, cell.style]));
  const styleOfColumn = columnStyles(xml);

  // Every row the patch touches, with the cells to write in it.
  const writes = new Map<number, Map<number, { value: CellValue; style: number | null | undefined }>>();
  const put = (row: number, column: number, value: CellValue, style: number | null | undefined) => {
    const cells = writes.get(row) ?? new Map<number, { value: CellValue; style: number | null | undefined }>();
    cells.set(column, { value, style });
    writes.set(row, cells);
  };
  for (const update of changes.updates) put(update.row, update.column, update.value, undefined);
  for (const append of changes.appends) {
    append.values.forEach((value, index) => {
      const column = index + 1;
      put(append.row, column, value, modelStyles.get(column) ?? styleOfColumn(column));
    });
  }

  const replacements: { start: number; end: number; text: string }[] = [];
  const newRows: { number: number; text: string }[] = [];
  let lastRow = 0;
  let lastColumn = 0;
  for (const [number, cellWrites] of [...writes.entries()].sort((a, b) => a[0] - b[0])) {
    const original = rowIndex.get(number);
    const cells = original ? parseCells(original.inner, number) : [];
    const byColumn = new Map(cells.map((cell) => [cell.column, cell]));
    for (const [column, write] of cellWrites) {
      const existing = byColumn.get(column);
      // An existing cell keeps its own format; a new one takes the model's (or its column's).
      const style = existing ? existing.style : write.style === undefined ? styleOfColumn(column) : write.style;
      byColumn.set(column, { column, style, xml: cellXml(`${columnLetters(column)}${number}`, write.value, style, styles) });
      lastColumn = Math.max(lastColumn, column);
    }
    const merged = [...byColumn.values()].sort((a, b) => a.column - b.column);
    const text = `${rowOpenTag(number, merged, model, original)}${merged.map((cell) => cell.xml).join('')}</row>`;
    if (original) replacements.push({ start: original.start, end: original.end, text });
    else newRows.push({ number, text });
    lastRow = Math.max(lastRow, number);
  }

  // New rows go before the first existing row below them, so rows stay in order.
  const insertions = new Map<number, string[]>();
  for (const row of newRows) {
    const at = rowIndex.insertionPoint(row.number);
    insertions.set(at, [...(insertions.get(at) ?? []), row.text]);
  }
  for (const [at, texts] of insertions) replacements.push({ start: at, end: at, text: texts.join('') });
  replacements.sort((a, b) => a.start - b.start || a.end - b.end);

  const pieces: string[] = [];
  let cursor = 0;
  for (const piece of replacements) {
    pieces.push(xml.slice(cursor, piece.start), piece.text);
    cursor = piece.end;
  }
  pieces.push(xml.slice(cursor));
  return widenDimension(pieces.join(''), lastRow, lastColumn);
}

/** The used range in <dimension> grows to take in new rows and columns; it is never shrunk. */
function widenDimension(xml: string, lastRow: number, lastColumn: number): string {
  return xml.replace(/(<(?:\w+:)?dimension\b[^>]*\sref=")([^"]*)(")/, (whole, before: string, ref: string, after: string) => {
    const [from, to = from] = ref.split(':');
    const start = decodeReference(from ?? '');
    const end = decodeReference(to ?? '');
    if (!start || !end) return whole;
    const row = Math.max(end.row, lastRow);
    const column = Math.max(end.column, lastColumn);
    if (row === end.row && column === end.column) return whole;
    return `${before}${columnLetters(start.column)}${start.row}:${columnLetters(column)}${row}${after}`;
  });
}

export { columnNumber };
