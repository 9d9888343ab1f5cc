import { issue } from '../issues/issue';
import type { DecodedText } from '../import/decodeBytes';
import type { DelimitedRecord } from '../import/delimitedText';
import type { CandidateDocument, ImportProblem, InvoiceCellKey, OmittedLine, ParsedImportFile } from '../import/importFile';
import { parseIntegerCell } from '../workbook/cells';
import { headerKey } from '../workbook/schema';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import { legalDueDate } from './legalDueDate';

/**
 * The SII's Registro de Compras y Ventas, sales side ("Detalle de ventas" download):
 * semicolon-separated, 43 columns, one document per line. A line whose Nro is empty and that
 * repeats the previous line's type and folio carries one more additional tax of that document.
 */
export const RCV_SALES_COLUMNS = {
  nro: 'Nro',
  type: 'Tipo Doc',
  saleKind: 'Tipo Venta',
  taxId: 'Rut cliente',
  name: 'Razon Social',
  folio: 'Folio',
  issueDate: 'Fecha Docto',
  receivedAt: 'Fecha Recepcion',
  acknowledgedAt: 'Fecha Acuse Recibo',
  claimedAt: 'Fecha Reclamo',
  exempt: 'Monto Exento',
  net: 'Monto Neto',
  tax: 'Monto IVA',
  total: 'Monto total',
  referenceType: 'Tipo Docto. Referencia',
  referenceFolio: 'Folio Docto. Referencia',
  otherTaxCode: 'Codigo Otro Imp.',
  otherTaxValue: 'Valor Otro Imp.',
  otherTaxRate: 'Tasa Otro Imp.',
} as const;

type RcvColumn = keyof typeof RCV_SALES_COLUMNS;

/** Columns the import needs; the others of the 43 are read past. */
const REQUIRED: readonly RcvColumn[] = ['nro', 'type', 'taxId', 'name', 'folio', 'issueDate', 'exempt', 'net', 'tax', 'total'];

/** An RCV header: it starts `Nro;Tipo Doc;Tipo Venta;Rut cliente`. */
export function isRcvSalesHeader(cells: readonly string[]): boolean {
  const start = cells.slice(0, 4).map(headerKey);
  return start.join('|') === ['Nro', 'Tipo Doc', 'Tipo Venta', 'Rut cliente'].map(headerKey).join('|');
}

/** Another additional tax of a document, from the main line or a continuation line. */
export interface RcvOtherTax {
  readonly code: string;
  readonly amount: number;
  readonly rate: string;
}

/** The RCV's own facts about a document that the workbook does not keep, for the reconciliation. */
export interface RcvFacts {
  /** ISO date of the Fecha Reclamo, when the customer disputed the document. */
  readonly claimDate: string | null;
  readonly otherTaxes: readonly RcvOtherTax[];
}

export interface RcvSalesFile extends ParsedImportFile {
  readonly kind: 'rcv';
  /** Same order as candidates. */
  readonly facts: readonly RcvFacts[];
}

/** `DD/MM/YYYY` or `DD/MM/YYYY HH:MM:SS` to the ISO date; null when it is no date. */
export function rcvDate(text: string): string | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text.trim());
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

const FIELD_NAMES: Readonly<Partial<Record<InvoiceCellKey, string>>> = {
  type: RCV_SALES_COLUMNS.type,
  number: RCV_SALES_COLUMNS.folio,
  issueDate: RCV_SALES_COLUMNS.issueDate,
  customerTaxId: RCV_SALES_COLUMNS.taxId,
  customerName: RCV_SALES_COLUMNS.name,
  net: RCV_SALES_COLUMNS.net,
  exempt: RCV_SALES_COLUMNS.exempt,
  tax: RCV_SALES_COLUMNS.tax,
  otherTaxes: RCV_SALES_COLUMNS.otherTaxValue,
  total: RCV_SALES_COLUMNS.total,
  reference: RCV_SALES_COLUMNS.referenceFolio,
  originRef: RCV_SALES_COLUMNS.referenceFolio,
};

/** Boletas (39, 41) reach the RCV as monthly summaries, not as documents. */
const BOLETA_SUMMARIES = new Set([35, 38, 39, 41, 48]);

export function parseRcvSales(file: string, decoded: DecodedText, records: readonly DelimitedRecord[], profile: TaxProfile): RcvSalesFile {
  const [headerRecord, ...data] = records;
  const header = (headerRecord?.cells ?? []).map(headerKey);
  const index = Object.fromEntries(Object.entries(RCV_SALES_COLUMNS).map(([key, title]) => [key, header.indexOf(headerKey(title))])) as Record<RcvColumn, number>;
  const base = { file, kind: 'rcv' as const, encoding: decoded.encoding };
  const problems: ImportProblem[] = REQUIRED.filter((key) => index[key] < 0).map((key) => ({ source: { file }, issue: issue('rcvMissingColumn', {}, { column: RCV_SALES_COLUMNS[key] }) }));
  if (problems.length === 0 && data.length === 0) problems.push({ source: { file }, issue: issue('csvEmpty', { file }) });
  if (problems.length > 0) return { ...base, candidates: [], facts: [], omitted: [], problems };

  const candidates: { cells: Partial<Record<InvoiceCellKey, string>>; source: CandidateDocument['source']; facts: { claimDate: string | null; otherTaxes: RcvOtherTax[] } }[] = [];
  const omitted: OmittedLine[] = [];
  let previous: { type: string; folio: string; entry: (typeof candidates)[number] | null } | null = null;
  for (const record of data) {
    const at = (key: RcvColumn): string => (index[key] >= 0 ? (record.cells[index[key]] ?? '').trim() : '');
    const folio = at('folio');
    const source = { file, line: record.line, folio };
    const otherTax = (): RcvOtherTax | null => {
      const value = at('otherTaxValue');
      if (value === '' || Number(value) === 0) return null;
      return { code: at('otherTaxCode'), amount: Number(value), rate: at('otherTaxRate') };
    };
    if (at('nro') === '') {
      if (!previous || previous.type !== at('type') || previous.folio !== folio) {
        problems.push({ source, field: RCV_SALES_COLUMNS.nro, issue: issue('rcvOrphanContinuation', {}, { type: at('type'), folio }) });
        continue;
      }
      const tax = otherTax();
      if (tax && previous.entry) {
        if (!/^\d+$/.test(at('otherTaxValue'))) {
          problems.push({ source, field: RCV_SALES_COLUMNS.otherTaxValue, issue: issue('invalidNumber', {}, { value: at('otherTaxValue') }) });
          continue;
        }
        previous.entry.facts.otherTaxes.push(tax);
      }
      continue;
    }
    const type = parseIntegerCell(at('type'));
    previous = { type: at('type'), folio, entry: null };
    if (type !== null && BOLETA_SUMMARIES.has(type)) {
      omitted.push({ source, reason: 'boletaSummary', type });
      continue;
    }
    if (type !== null && !documentTypeRule(profile, type)) {
      omitted.push({ source, reason: 'unsupportedType', type });
      continue;
    }
    const kind = type === null ? undefined : documentTypeRule(profile, type)?.kind;
    const referenceType = at('referenceType');
    const referenceFolio = at('referenceFolio');
    const cells: Partial<Record<InvoiceCellKey, string>> = {
      type: at('type'),
      number: folio,
      issueDate: rcvDate(at('issueDate')) ?? at('issueDate'),
      customerTaxId: at('taxId'),
      customerName: at('name'),
      net: at('net'),
      exempt: at('exempt'),
      tax: at('tax'),
      total: at('total'),
      currency: 'CLP',
      state: 'Emitida',
      origin: 'Directa',
    };
    if (kind === 'invoice') cells.dueDate = legalDueDate(cells.issueDate ?? '');
    if (kind && kind !== 'invoice') cells.reference = referenceType !== '' && referenceFolio !== '' ? `${referenceType}-${referenceFolio}` : '';
    else if (referenceType === '801' || referenceType === '52') {
      cells.origin = referenceType === '801' ? 'Pedido' : 'Nota de entrega';
      cells.originRef = referenceFolio;
    }
    const claimedText = at('claimedAt');
    const claimDate = claimedText === '' ? null : rcvDate(claimedText);
    if (claimedText !== '' && claimDate === null) problems.push({ source, field: RCV_SALES_COLUMNS.claimedAt, issue: issue('invalidDate', {}, { value: claimedText }) });
    const first = otherTax();
    const entry = { cells, source, facts: { claimDate, otherTaxes: first ? [first] : [] } };
    candidates.push(entry);
    previous.entry = entry;
  }
  for (const entry of candidates) {
    const sum = entry.facts.otherTaxes.reduce((total, tax) => total + (Number.isSafeInteger(tax.amount) ? tax.amount : Number.NaN), 0);
    entry.cells.otherTaxes = Number.isNaN(sum) ? entry.facts.otherTaxes.map((t) => String(t.amount)).join('+') : String(sum);
  }
  return {
    ...base,
    candidates: candidates.map(({ cells, source }) => ({ source, cells, fieldNames: FIELD_NAMES, lines: [] })),
    facts: candidates.map((entry) => entry.facts),
    omitted,
    problems,
  };
}
