import path from 'node:path/posix';
import { XMLParser } from 'fast-xml-parser';
import { ZipFormatError, type ZipPackage } from './zipPackage';

/** Where an .xlsx keeps each tab and the parts every sheet refers to, found through its relationships. */
export interface XlsxParts {
  readonly sheets: readonly { readonly name: string; readonly part: string }[];
  readonly sharedStringsPart: string | null;
  readonly stylesPart: string | null;
  /** Serial day 0 is 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  readonly date1904: boolean;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ['sheet', 'Relationship', 'xf', 'numFmt'].includes(name),
});

type Attributes = Record<string, string | undefined>;

export const parseXml = (text: string): Record<string, unknown> => xml.parse(text) as Record<string, unknown>;

async function partText(zip: ZipPackage, part: string): Promise<string> {
  return (await zip.read(part)).toString('utf8');
}

function relationships(text: string, basePart: string): Map<string, { type: string; target: string }> {
  const rels = (parseXml(text).Relationships as { Relationship?: Attributes[] } | undefined)?.Relationship ?? [];
  const base = path.dirname(basePart);
  const byId = new Map<string, { type: string; target: string }>();
  for (const rel of rels) {
    if (!rel.Id || !rel.Target || rel.TargetMode === 'External') continue;
    const target = rel.Target.startsWith('/') ? rel.Target.slice(1) : path.normalize(path.join(base, rel.Target));
    byId.set(rel.Id, { type: rel.Type ?? '', target });
  }
  return byId;
}

const relsPartOf = (part: string): string => path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);

export async function locateParts(zip: ZipPackage): Promise<XlsxParts> {
  if (!zip.has('_rels/.rels')) throw new ZipFormatError('it has no _rels/.rels, so it is not an Office package');
  const root = relationships(await partText(zip, '_rels/.rels'), '');
  const workbookPart = [...root.values()].find((rel) => rel.type.endsWith('/officeDocument'))?.target;
  if (!workbookPart || !zip.has(workbookPart)) throw new ZipFormatError('it names no workbook part');
  const workbook = parseXml(await partText(zip, workbookPart)).workbook as { sheets?: { sheet?: Attributes[] }; workbookPr?: Attributes } | undefined;
  const rels = zip.has(relsPartOf(workbookPart)) ? relationships(await partText(zip, relsPartOf(workbookPart)), workbookPart) : new Map<string, { type: string; target: string }>();
  const sheets: { name: string; part: string }[] = [];
  for (const sheet of workbook?.sheets?.sheet ?? []) {
    const rel = sheet.id ? rels.get(sheet.id) : undefined;
    // Chart sheets and dialog sheets hold no cells.
    if (!sheet.name || !rel || !rel.type.endsWith('/worksheet') || !zip.has(rel.target)) continue;
    sheets.push({ name: sheet.name, part: rel.target });
  }
  const partOfType = (suffix: string): string | null => {
    const target = [...rels.values()].find((rel) => rel.type.endsWith(suffix))?.target;
    return target && zip.has(target) ? target : null;
  };
  const date1904 = workbook?.workbookPr?.date1904;
  return { sheets, sharedStringsPart: partOfType('/sharedStrings'), stylesPart: partOfType('/styles'), date1904: date1904 === '1' || date1904 === 'true' };
}

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30), as exceljs counts them. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's rule, so that a cell reads as a date exactly where it did: y m d h s b outside quotes and brackets. */
export function isDateFormatCode(code: string): boolean {
  const unescaped = code
    .replace(/[\\](.)/g, '$1')
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(unescaped);
}

/** What the reader and writer need from styles.xml: which cell formats show dates. */
export interface CellFormats {
  /** Indexed by a cell's `s`: its number format code, '' for General. */
  readonly formatCodes: readonly string[];
  readonly numberFormatIds: readonly number[];
  isDate(styleIndex: number): boolean;
}

export function parseCellFormats(stylesXml: string | null): CellFormats {
  const sheet = stylesXml ? (parseXml(stylesXml).styleSheet as { numFmts?: { numFmt?: Attributes[] }; cellXfs?: { xf?: Attributes[] } } | undefined) : undefined;
  const custom = new Map<number, string>();
  for (const format of sheet?.numFmts?.numFmt ?? []) if (format.numFmtId !== undefined) custom.set(Number(format.numFmtId), format.formatCode ?? '');
  const numberFormatIds = (sheet?.cellXfs?.xf ?? []).map((xf) => Number(xf.numFmtId ?? 0));
  const formatCodes = numberFormatIds.map((id) => custom.get(id) ?? '');
  const dates = numberFormatIds.map((id) => (custom.has(id) ? isDateFormatCode(custom.get(id)!) : BUILT_IN_DATE_FORMATS.has(id)));
  return { formatCodes, numberFormatIds, isDate: (styleIndex) => dates[styleIndex] === true };
}

export const readPartText = partText;
