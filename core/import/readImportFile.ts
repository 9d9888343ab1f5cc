import { issue } from '../issues/issue';
import type { TaxProfile } from '../tax/taxProfile';
import { TABS, mapColumns } from '../workbook/schema';
import { decodeDteXml, looksLikeXml, parseDteXml } from '../sii/dteXml';
import { isRcvSalesHeader, parseRcvSales } from '../sii/rcvSales';
import { type DecodedText, decodeText } from './decodeBytes';
import { detectDelimiter, readDelimited } from './delimitedText';
import { parseFacturasCsv } from './facturasCsv';
import type { ImportProblem, ParsedImportFile } from './importFile';

/** A CSV of a year of sales is a few megabytes; this keeps a wrong file from filling memory. */
export const CSV_MAX_BYTES = 50 * 1024 * 1024;

/** A file's text as its user handed it over: the XML's declared encoding, or UTF-8 (with or without BOM) else Windows-1252. */
export type FileDecode = { readonly ok: true; readonly decoded: DecodedText } | { readonly ok: false; readonly problem: ImportProblem };

const startsWithAngle = (bytes: Uint8Array): boolean => {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
};

/** Runs where the bytes are (the command, or the browser for the sidebar: Apps Script has no TextDecoder). */
export function decodeImportFile(file: string, bytes: Uint8Array): FileDecode {
  if (startsWithAngle(bytes)) return decodeDteXml(file, bytes);
  if (bytes.length > CSV_MAX_BYTES) return { ok: false, problem: { source: { file }, issue: issue('fileTooLarge', {}, { size: bytes.length, limit: CSV_MAX_BYTES, what: 'CSV' }) } };
  return { ok: true, decoded: decodeText(bytes) };
}

/** Detects the file's kind by its content (not its name) and reads it: our Facturas CSV, the RCV sales export or DTE XML. */
export function parseImportFile(file: string, decoded: DecodedText, profile: TaxProfile): ParsedImportFile {
  const base = { file, encoding: decoded.encoding, candidates: [], omitted: [] };
  if (looksLikeXml(decoded.text)) return parseDteXml(file, decoded, profile);
  if (decoded.text.length > CSV_MAX_BYTES)
    return { ...base, kind: 'facturas-csv', problems: [{ source: { file }, issue: issue('fileTooLarge', {}, { size: decoded.text.length, limit: CSV_MAX_BYTES, what: 'CSV' }) }] };
  const read = readDelimited(decoded.text, detectDelimiter(decoded.text));
  if (!read.ok) {
    const code = read.problem === 'unterminatedQuote' ? 'csvUnterminatedQuote' : 'csvTextAfterQuote';
    return { ...base, kind: 'facturas-csv', problems: [{ source: { file, line: read.line, folio: '' }, issue: issue(code) }] };
  }
  const header = read.records[0]?.cells ?? [];
  if (isRcvSalesHeader(header)) return parseRcvSales(file, decoded, read.records, profile);
  const columns = mapColumns(TABS.facturas, header);
  if (columns.type !== undefined || columns.number !== undefined || read.records.length === 0) return parseFacturasCsv(file, decoded, read.records);
  return { ...base, kind: 'facturas-csv', problems: [{ source: { file }, issue: issue('importUnknownKind') }] };
}
