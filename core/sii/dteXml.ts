import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { issue } from '../issues/issue';
import { type DecodedText, decodeAs, encodingOfLabel } from '../import/decodeBytes';
import type { CandidateDocument, ImportProblem, InvoiceCellKey, LineCellKey, ParsedImportFile } from '../import/importFile';
import type { Cell } from '../workbook/cells';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import { legalDueDate } from './legalDueDate';

export const SII_DTE_NAMESPACE = 'http://www.sii.cl/SiiDte';

/** An EnvioDTE of a busy month is a few megabytes; far beyond that is not a DTE file. */
export const DTE_XML_MAX_BYTES = 20 * 1024 * 1024;

/** What the XML declaration names; UTF-8 when there is none (the XML default). */
export function declaredXmlEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8';
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]!);
  const match = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(head);
  return match ? match[1]! : 'UTF-8';
}

export type XmlDecode = { readonly ok: true; readonly decoded: DecodedText } | { readonly ok: false; readonly problem: ImportProblem };

/** Bytes of a DTE XML to text in the encoding its declaration names (ISO-8859-1 and WINDOWS-1252 are usual). */
export function decodeDteXml(file: string, bytes: Uint8Array): XmlDecode {
  if (bytes.length > DTE_XML_MAX_BYTES) return { ok: false, problem: { source: { file }, issue: issue('fileTooLarge', {}, { size: bytes.length, limit: DTE_XML_MAX_BYTES, what: 'XML DTE' }) } };
  const label = declaredXmlEncoding(bytes);
  const encoding = encodingOfLabel(label);
  if (!encoding) return { ok: false, problem: { source: { file }, issue: issue('xmlEncodingUnsupported', {}, { value: label }) } };
  const text = decodeAs(bytes, encoding);
  if (text === null) return { ok: false, problem: { source: { file }, issue: issue('xmlNotUtf8', {}, { value: label }) } };
  return { ok: true, decoded: { text, encoding: encoding === 'utf-8' && bytes[0] === 0xef ? 'utf-8-bom' : encoding } };
}

/** The root of text that looks like XML, after the declaration and comments. */
export const looksLikeXml = (text: string): boolean => /^\s*</.test(text.replace(/^\uFEFF/, ''));

const ARRAYS = new Set(['DTE', 'Detalle', 'Referencia', 'ImptoReten']);

type XmlNode = { readonly [name: string]: unknown };

const FIELD_NAMES: Readonly<Partial<Record<InvoiceCellKey, string>>> = {
  type: 'TipoDTE',
  number: 'Folio',
  issueDate: 'FchEmis',
  dueDate: 'FchVenc',
  customerTaxId: 'RUTRecep',
  customerName: 'RznSocRecep',
  email: 'CorreoRecep',
  net: 'MntNeto',
  exempt: 'MntExe',
  tax: 'IVA',
  otherTaxes: 'ImptoReten',
  total: 'MntTotal',
  reference: 'Referencia',
  originRef: 'FolioRef',
};

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
const node = (value: unknown): XmlNode => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : {});
const list = (value: unknown): XmlNode[] => (Array.isArray(value) ? value.map(node) : value === undefined ? [] : [node(value)]);

/** The parser drops namespace declarations with their prefixes, so the root's start tag is read for it. */
function rootDeclaresSiiNamespace(xml: string): boolean {
  const start = /<(?![?!])[^>]*>/.exec(xml.replace(/<!--[\s\S]*?-->/g, ''));
  if (!start) return false;
  return /\sxmlns(?::[\w.-]+)?\s*=\s*["']http:\/\/www\.sii\.cl\/SiiDte["']/.test(start[0]);
}

/** A DTE file as text: a single `<DTE>` or an `<EnvioDTE>` of many. Any DOCTYPE or entity declaration is refused before parsing. */
export function parseDteXml(file: string, decoded: DecodedText, profile: TaxProfile): ParsedImportFile {
  const base = { file, kind: 'dte' as const, encoding: decoded.encoding, omitted: [] };
  const refuse = (problem: ImportProblem): ParsedImportFile => ({ ...base, candidates: [], problems: [problem] });
  if (decoded.text.length > DTE_XML_MAX_BYTES) return refuse({ source: { file }, issue: issue('fileTooLarge', {}, { size: decoded.text.length, limit: DTE_XML_MAX_BYTES, what: 'XML DTE' }) });
  // No entity is ever expanded or fetched: a DTE never declares one, so any declaration is refused outright.
  if (/<!DOCTYPE|<!ENTITY/i.test(decoded.text)) return refuse({ source: { file }, issue: issue('xmlDoctype') });
  let parsed: XmlNode;
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      removeNSPrefix: true,
      processEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      isArray: (name) => ARRAYS.has(name),
    });
    // The validator names the line of the first syntax error, which the parser alone does not.
    const valid = XMLValidator.validate(decoded.text);
    if (valid !== true) return refuse({ source: { file }, issue: issue('xmlUnreadable', {}, { reason: valid.err.msg, line: valid.err.line }) });
    parsed = parser.parse(decoded.text) as XmlNode;
  } catch (error) {
    return refuse({ source: { file }, issue: issue('xmlUnreadable', {}, { reason: String((error as Error).message ?? error).slice(0, 200) }) });
  }
  const rootName = Object.keys(parsed).find((key) => !key.startsWith('#') && !key.startsWith('?')) ?? '';
  const root = rootName === 'DTE' ? node(list(parsed.DTE)[0]) : node(parsed[rootName]);
  if ((rootName !== 'DTE' && rootName !== 'EnvioDTE') || !rootDeclaresSiiNamespace(decoded.text)) {
    return refuse({ source: { file }, issue: issue('xmlNotDte', {}, { value: `<${rootName}>` }) });
  }
  const dtes = rootName === 'DTE' ? [root] : list(node(root.SetDTE).DTE);
  const problems: ImportProblem[] = [];
  const candidates: CandidateDocument[] = [];
  dtes.forEach((dte, position) => {
    const documento = node(dte.Documento);
    const encabezado = node(documento.Encabezado);
    const idDoc = node(encabezado.IdDoc);
    const receptor = node(encabezado.Receptor);
    const totales = node(encabezado.Totales);
    const folio = text(idDoc.Folio);
    const source = { file, document: position + 1, folio };
    for (const [element, value] of [
      ['Encabezado', documento.Encabezado],
      ['IdDoc', encabezado.IdDoc],
      ['Totales', encabezado.Totales],
      ['MntTotal', totales.MntTotal],
    ] as const) {
      if (value === undefined) problems.push({ source, field: element, issue: issue('dteMissingField', {}, { element }) });
    }
    const type = Number(text(idDoc.TipoDTE));
    const kind = documentTypeRule(profile, type)?.kind;
    const cells: Partial<Record<InvoiceCellKey, Cell>> = {
      type: text(idDoc.TipoDTE),
      number: folio,
      issueDate: text(idDoc.FchEmis),
      dueDate: text(idDoc.FchVenc),
      customerTaxId: text(receptor.RUTRecep),
      customerName: text(receptor.RznSocRecep),
      email: text(receptor.CorreoRecep),
      net: text(totales.MntNeto),
      exempt: text(totales.MntExe),
      tax: text(totales.IVA),
      total: text(totales.MntTotal),
      currency: 'CLP',
      state: 'Emitida',
      origin: 'Directa',
    };
    if (kind === 'invoice' && text(idDoc.FchVenc) === '') cells.dueDate = legalDueDate(text(idDoc.FchEmis));
    const additional = list(totales.ImptoReten).map((tax) => text(tax.MontoImp));
    cells.otherTaxes = additional.every((amount) => /^\d+$/.test(amount)) ? String(additional.reduce((sum, amount) => sum + Number(amount), 0)) : additional.join('+');
    for (const reference of list(documento.Referencia)) {
      const refType = text(reference.TpoDocRef);
      const refFolio = text(reference.FolioRef);
      if (refType === '801') [cells.origin, cells.originRef] = ['Pedido', refFolio];
      // An order is where the sale began; the dispatch guide that followed it names the origin only when there is no order.
      else if (refType === '52' && cells.origin !== 'Pedido') [cells.origin, cells.originRef] = ['Nota de entrega', refFolio];
      else if (kind && kind !== 'invoice' && documentTypeRule(profile, Number(refType))?.kind === 'invoice' && !cells.reference) cells.reference = `${refType}-${refFolio}`;
    }
    const lines = list(documento.Detalle).map((detalle): Partial<Record<LineCellKey, Cell>> => {
      const quantity = text(detalle.QtyItem);
      // The SII allows decimals in PrcItem; the Detalle tab keeps whole pesos, as the line amount does.
      const rawPrice = text(detalle.PrcItem);
      const price = /^\d+\.\d+$/.test(rawPrice) ? String(Math.round(Number(rawPrice))) : rawPrice;
      return {
        description: text(detalle.NmbItem),
        quantity: quantity === '' ? '1' : quantity,
        unitPrice: price === '' ? text(detalle.MontoItem) : price,
        discount: text(detalle.DescuentoPct),
        exempt: text(detalle.IndExe) === '1' ? 'sí' : 'no',
      };
    });
    candidates.push({ source, cells, fieldNames: FIELD_NAMES, lines });
  });
  return { ...base, candidates, problems };
}
