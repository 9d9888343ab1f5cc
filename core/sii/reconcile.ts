import type { Book, InvoiceDocument } from '../model';
import { documentKey } from '../model';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import type { RcvFacts } from './rcvSales';

export interface ReconciledDocument {
  readonly type: number;
  readonly number: number;
  readonly issueDate: string;
  readonly customerTaxId: string;
  readonly total: number;
}

export type ReconciledField = 'issueDate' | 'customerTaxId' | 'exempt' | 'net' | 'tax' | 'otherTaxes' | 'total';
export const RECONCILED_FIELDS: readonly ReconciledField[] = ['issueDate', 'customerTaxId', 'exempt', 'net', 'tax', 'otherTaxes', 'total'];

export interface ReconciliationDifference {
  readonly type: number;
  readonly number: number;
  readonly field: ReconciledField;
  readonly workbook: string | number;
  readonly rcv: string | number;
}

export interface ClaimedDocument {
  readonly type: number;
  readonly number: number;
  readonly claimDate: string;
}

/** The JSON of `facturas sii reconcile`, field for field. */
export interface Reconciliation {
  readonly period: string;
  readonly counts: { readonly rcv: number; readonly workbook: number; readonly matched: number };
  readonly onlyInRcv: readonly ReconciledDocument[];
  readonly onlyInWorkbook: readonly ReconciledDocument[];
  readonly differences: readonly ReconciliationDifference[];
  readonly claimed: readonly ClaimedDocument[];
}

/** One document of the RCV as read by core, with the RCV's own facts. */
export interface RcvDocument {
  readonly doc: Omit<InvoiceDocument, 'row'>;
  readonly facts: RcvFacts;
}

/** Boletas (39) reach the RCV only as monthly totals; they are never missing from it. */
const isBoleta = (type: number): boolean => type === 39 || type === 41;

const summary = (doc: Omit<InvoiceDocument, 'row'>): ReconciledDocument => ({ type: doc.type, number: doc.number, issueDate: doc.issueDate, customerTaxId: doc.customerTaxId, total: doc.total });

/** The month most of the RCV's documents are dated in: the period the accountant downloaded. */
export function rcvPeriod(rcv: readonly RcvDocument[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const { doc } of rcv) counts.set(doc.issueDate.slice(0, 7), (counts.get(doc.issueDate.slice(0, 7)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? fallback;
}

/**
 * The workbook's documents of a month against the SII's RCV of the same month. Changes nothing.
 * RUTs compare by value, names are not compared; void documents are not expected in the RCV.
 */
export function reconcile(book: Book, rcv: readonly RcvDocument[], period: string, profile: TaxProfile): Reconciliation {
  const inPeriod = (doc: Omit<InvoiceDocument, 'row'>): boolean => doc.issueDate.slice(0, 7) === period;
  const rcvDocs = rcv.filter((entry) => inPeriod(entry.doc));
  const rcvByKey = new Map(rcvDocs.map((entry) => [documentKey(entry.doc), entry]));
  const workbookDocs = book.documents.filter((doc) => inPeriod(doc) && documentTypeRule(profile, doc.type) !== undefined);
  const workbookByKey = new Map(workbookDocs.map((doc) => [documentKey(doc), doc]));
  const byKeyOrder = (a: ReconciledDocument, b: ReconciledDocument) => a.type - b.type || a.number - b.number;

  const onlyInRcv = rcvDocs
    .filter((entry) => !workbookByKey.has(documentKey(entry.doc)))
    .map((entry) => summary(entry.doc))
    .sort(byKeyOrder);
  const expected = workbookDocs.filter((doc) => doc.state !== 'anulada' && !isBoleta(doc.type));
  const onlyInWorkbook = expected
    .filter((doc) => !rcvByKey.has(documentKey(doc)))
    .map(summary)
    .sort(byKeyOrder);
  const differences: ReconciliationDifference[] = [];
  let matched = 0;
  for (const doc of [...workbookDocs].sort(byKeyOrder)) {
    const entry = rcvByKey.get(documentKey(doc));
    if (!entry) continue;
    matched += 1;
    for (const field of RECONCILED_FIELDS) {
      const same = field === 'customerTaxId' ? profile.compactTaxId(doc.customerTaxId) === profile.compactTaxId(entry.doc.customerTaxId) : doc[field] === entry.doc[field];
      if (!same) differences.push({ type: doc.type, number: doc.number, field, workbook: doc[field], rcv: entry.doc[field] });
    }
  }
  const claimed = rcvDocs
    .filter((entry) => entry.facts.claimDate !== null)
    .map((entry) => ({ type: entry.doc.type, number: entry.doc.number, claimDate: entry.facts.claimDate! }))
    .sort((a, b) => a.type - b.type || a.number - b.number);
  return { period, counts: { rcv: rcvDocs.length, workbook: expected.length, matched }, onlyInRcv, onlyInWorkbook, differences, claimed };
}
