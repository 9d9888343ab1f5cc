import type { CellFormats } from './xlsxParts';
import { SheetPatchError } from './xlsxSheetPatch';

export const DATE_FORMAT = 'dd-mm-yyyy';
export const INSTANT_FORMAT = 'dd-mm-yyyy hh:mm:ss';

/**
 * Cell formats a write may need that the workbook lacks: a date written where the cell's format
 * shows no date gets a copy of that format (font, fill, borders kept) with our date format. Only
 * then is styles.xml rewritten; `xml` stays null while nothing was added.
 */
export class StylesEditor {
  private text: string | null;
  private readonly added = new Map<string, number>();
  private readonly addedDates = new Set<number>();

  constructor(
    original: string | null,
    private readonly formats: CellFormats,
  ) {
    this.text = original;
  }

  /** The new styles.xml, or null when no format had to be added. */
  get xml(): string | null {
    return this.added.size > 0 ? this.text : null;
  }

  isDate(styleIndex: number): boolean {
    return this.formats.isDate(styleIndex) || this.addedDates.has(styleIndex);
  }

  dateStyleLike(styleIndex: number, withTime: boolean): number {
    const key = `${styleIndex}:${withTime}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    if (this.text === null) throw new SheetPatchError('the workbook has no styles part to hold a date format');
    const numberFormatId = this.numberFormatId(withTime ? INSTANT_FORMAT : DATE_FORMAT);
    const cellXfs = /<((?:\w+:)?)cellXfs\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(this.text);
    if (!cellXfs) throw new SheetPatchError('the workbook has no cell formats (cellXfs) in its styles');
    const xfs = [...cellXfs[3]!.matchAll(/<(?:\w+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?xf>)/g)].map((m) => m[0]);
    const base = xfs[styleIndex] ?? xfs[0] ?? `<${cellXfs[1]}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const withFormat = setAttribute(setAttribute(base, 'numFmtId', String(numberFormatId)), 'applyNumberFormat', '1');
    const index = xfs.length;
    const opening = `<${cellXfs[1]}cellXfs${setCount(cellXfs[2]!, index + 1)}>`;
    const replaced = `${opening}${cellXfs[3]}${withFormat}</${cellXfs[1]}cellXfs>`;
    this.text = this.text.slice(0, cellXfs.index) + replaced + this.text.slice(cellXfs.index + cellXfs[0].length);
    this.added.set(key, index);
    this.addedDates.add(index);
    return index;
  }

  private numberFormatId(code: string): number {
    const text = this.text!;
    const numFmts = /<((?:\w+:)?)numFmts\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?numFmts>/.exec(text);
    const existing = numFmts
      ? [...numFmts[3]!.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)].map((m) => ({ id: Number(/numFmtId="(\d+)"/.exec(m[1]!)?.[1]), code: /formatCode="([^"]*)"/.exec(m[1]!)?.[1] }))
      : [];
    const same = existing.find((format) => format.code === code);
    if (same) return same.id;
    // Custom formats are numbered from 164; built-in ones below.
    const id = Math.max(163, ...existing.map((format) => format.id).filter(Number.isFinite)) + 1;
    const prefix = numFmts?.[1] ?? /<((?:\w+:)?)styleSheet\b/.exec(text)?.[1] ?? '';
    const element = `<${prefix}numFmt numFmtId="${id}" formatCode="${code}"/>`;
    if (numFmts) {
      const replaced = `<${prefix}numFmts${setCount(numFmts[2]!, existing.length + 1)}>${numFmts[3]}${element}</${prefix}numFmts>`;
      this.text = text.slice(0, numFmts.index) + replaced + text.slice(numFmts.index + numFmts[0].length);
    } else {
      // numFmts is the first child of styleSheet.
      const sheet = /<(?:\w+:)?styleSheet\b[^>]*>/.exec(text);
      if (!sheet) throw new SheetPatchError('the workbook styles have no styleSheet');
      const at = sheet.index + sheet[0].length;
      this.text = `${text.slice(0, at)}<${prefix}numFmts count="1">${element}</${prefix}numFmts>${text.slice(at)}`;
    }
    return id;
  }
}

function setAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}=")[^"]*(")`);
  if (pattern.test(tag)) return tag.replace(pattern, `$1${value}$2`);
  return tag.replace(/^<([\w:]+)/, `<$1 ${name}="${value}"`);
}

const setCount = (attributes: string, count: number): string => (/\scount="/.test(attributes) ? attributes.replace(/(\scount=")[^"]*(")/, `$1${count}$2`) : `${attributes} count="${count}"`);
