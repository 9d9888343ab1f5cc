import { issue } from '../../issues/issue';
import { type DocumentKey, type InvoiceDocument, documentKey } from '../../model';
import { type TaxProfile, documentTypeRule } from '../../tax/taxProfile';
import { DocumentMap } from '../../ledger/documentMap';
import { parseDocumentKey } from '../documentKey';
import { type Cell, cellText } from '../cells';
import type { ColumnMap } from '../schema';
import { type ReadContext, blockDocuments, readRows, touchesTypeAndFolio } from './readContext';
import { rowFields } from './rowFields';

/** Documents by `type-number`, for the tabs whose rows point at one. */
/** Documents by Tipo, then Folio: every Detalle, Pagos and Historial row looks one up, so no key string is built per row. */
export type DocumentIndex = DocumentMap<InvoiceDocument>;

export interface DocumentsRead {
  readonly documents: readonly InvoiceDocument[];
  readonly byKey: DocumentIndex;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Facturas [Invoices]: one document per row; duplicates and notes pointing at no document are reported. */
export function readDocuments(context: ReadContext): DocumentsRead {
  const { profile } = context;
  const fields = rowFields(context, 'facturas');
  const documents = readRows(
    context,
    'facturas',
    (row, rowNumber, problems) => {
      const f = fields(row, rowNumber, problems);
      const type = f.documentType('type');
      const rule = type === null ? undefined : documentTypeRule(profile, type);
      const number = f.integer('number');
      const issueDate = f.date('issueDate');
      const dueDate = f.date('dueDate', true);
      const customerTaxId = f.taxId('customerTaxId');
      const customerName = f.required('customerName');
      const email = f.text('email');
      const origin = f.choice('origin', 'origin', 'directa');
      const currency = f.choice('currency', 'currency', profile.defaultCurrency);
      const amountCurrency = currency ?? profile.defaultCurrency;
      const net = f.amount('net', amountCurrency, true);
      const exempt = f.amount('exempt', amountCurrency, true);
      const tax = f.amount('tax', amountCurrency, true);
      const otherTaxes = f.amount('otherTaxes', amountCurrency, true);
      const total = f.amount('total', amountCurrency);
      const state = f.choice('state', 'state', 'emitida');
      const referenceText = f.text('reference');
      let reference: DocumentKey | null = null;
      if (referenceText !== '') reference = parseDocumentKey(referenceText) ?? f.report('reference', 'invalidDocumentKey');
      if (email !== '' && !context.memo('email', email, (e) => EMAIL.test(e))) f.report('email', 'invalidEmail');
      if (net !== null && exempt !== null && tax !== null && otherTaxes !== null && total !== null) {
        const expected = net + exempt + tax + otherTaxes;
        if (expected !== total) f.report('total', otherTaxes === 0 ? 'totalMismatch' : 'totalWithOtherTaxesMismatch', { expected, currency: amountCurrency });
        else if (Math.abs(profile.vatOn(net) - tax) > 1) f.report('tax', 'vatMismatch', { expected: profile.vatOn(net), rate: profile.vatRateLabel, currency: amountCurrency });
        if (rule?.exemptOnly && (net !== 0 || tax !== 0)) f.report('tax', 'exemptDocumentHasVat', { type: rule.code });
      }
      // Credit notes are sometimes typed negative (the Libro de Ventas reads them either way); invoices never.
      if (total !== null && total <= 0 && rule?.kind === 'invoice') f.report('total', 'totalNotPositive');
      if (issueDate && dueDate && dueDate < issueDate) f.report('dueDate', 'dueBeforeIssue', { issueDate });
      const kind = rule?.kind;
      if (kind && kind !== 'invoice' && reference === null && referenceText === '') f.report('reference', 'missingReference', { type: type ?? '' });
      if (problems.length > 0) return null;
      return {
        type: type!,
        number: number!,
        issueDate: issueDate!,
        dueDate,
        customerTaxId: customerTaxId!,
        customerName: customerName!,
        email,
        origin: origin!,
        originRef: f.text('originRef'),
        net: net!,
        exempt: exempt!,
        tax: tax!,
        otherTaxes: otherTaxes!,
        total: total!,
        currency: currency!,
        state: state!,
        reference,
        notes: f.text('notes'),
        row: rowNumber,
      } satisfies InvoiceDocument;
    },
    (row, columns) => touchedByDocumentRow(row, columns, profile),
  );

  // Duplicates, dangling references and credits beyond the invoice are reported and left out.
  const byKey: DocumentIndex = new DocumentMap();
  const uniqueDocuments: InvoiceDocument[] = [];
  for (const doc of documents) {
    const first = byKey.get(doc.type, doc.number);
    if (first) {
      const key = documentKey(doc);
      const problem = issue('duplicateDocument', { tab: 'facturas', row: doc.row, column: 'Folio' }, { key, firstRow: first.row });
      context.issues.push(problem);
      blockDocuments(context, [key, ...(doc.reference ? [documentKey(doc.reference)] : [])], [problem]);
      continue;
    }
    byKey.set(doc.type, doc.number, doc);
    uniqueDocuments.push(doc);
  }
  const resolved: InvoiceDocument[] = [];
  for (const doc of uniqueDocuments) {
    if (!doc.reference) {
      resolved.push(doc);
      continue;
    }
    const target = resolveReference(doc.reference, byKey, profile);
    if (target === undefined || target === doc) {
      // A note that amends nothing would be shown overdue and added to totals: it is left out.
      context.issues.push(issue('unknownReference', { tab: 'facturas', row: doc.row, column: 'Ref. documento' }, { value: documentKeyText(doc.reference) }));
      byKey.delete(doc.type, doc.number);
      continue;
    }
    resolved.push(target.type === doc.reference.type ? doc : { ...doc, reference: { type: target.type, number: target.number } });
  }
  const documentsRead = leaveOutExcessCredits(context, resolved, byKey);
  return { documents: documentsRead, byKey };
}

/**
 * A credit note cannot take back more than what remains of the document it amends (its total,
 * plus debit notes, minus the credit notes above it in the sheet); one that does is reported at
 * its Total, left out, and blocks writes to that document until it is corrected.
 */
function leaveOutExcessCredits(context: ReadContext, documents: readonly InvoiceDocument[], byKey: DocumentIndex): InvoiceDocument[] {
  const kindOf = (doc: InvoiceDocument) => documentTypeRule(context.profile, doc.type)?.kind;
  // Only the documents some note amends can be over-credited: their keys alone, not every row's.
  const amended = new Set<string>();
  const amendedFolios = new Set<number>();
  for (const doc of documents) {
    if (!doc.reference) continue;
    amended.add(documentKey(doc.reference));
    amendedFolios.add(doc.reference.number);
  }
  const remaining = new Map<string, number>();
  for (const doc of documents) {
    if (doc.reference !== null || doc.state === 'anulada' || !amendedFolios.has(doc.number)) continue;
    const key = documentKey(doc);
    if (amended.has(key)) remaining.set(key, doc.total);
  }
  for (const doc of documents) {
    if (doc.reference && doc.state !== 'anulada' && kindOf(doc) === 'debit-note') {
      const target = documentKey(doc.reference);
      if (remaining.has(target)) remaining.set(target, remaining.get(target)! + doc.total);
    }
  }
  const excess = new Set<InvoiceDocument>();
  for (const doc of documents) {
    if (!doc.reference || doc.state === 'anulada' || kindOf(doc) !== 'credit-note') continue;
    const target = documentKey(doc.reference);
    const left = remaining.get(target);
    if (left === undefined) continue;
    if (doc.total > left) {
      const problem = issue('creditExceedsDocument', { tab: 'facturas', row: doc.row, column: 'Total' }, { value: doc.total, key: target, remaining: left, currency: doc.currency });
      context.issues.push(problem);
      blockDocuments(context, [target], [problem]);
      byKey.delete(doc.type, doc.number);
      excess.add(doc);
    } else {
      remaining.set(target, left - doc.total);
    }
  }
  return excess.size === 0 ? [...documents] : documents.filter((doc) => !excess.has(doc));
}

/** An unreadable Facturas row blocks its own document and, for a note, the one it amends. */
function touchedByDocumentRow(row: readonly Cell[], columns: ColumnMap, profile: TaxProfile): string[] {
  const keys = [...touchesTypeAndFolio(row, columns)];
  const reference = columns.reference === undefined ? null : parseDocumentKey(cellText(row[columns.reference]));
  if (reference && reference.type !== 0) keys.push(documentKey(reference));
  else if (reference) for (const rule of profile.documentTypes) if (rule.kind === 'invoice') keys.push(`${rule.code}-${reference.number}`);
  return keys;
}

const documentKeyText = (key: DocumentKey): string => (key.type === 0 ? String(key.number) : documentKey(key));

/** A note's reference written as a bare folio means the invoice-kind document with that folio. */
function resolveReference(reference: DocumentKey, byKey: DocumentIndex, profile: TaxProfile): InvoiceDocument | undefined {
  if (reference.type !== 0) return byKey.get(reference.type, reference.number);
  const candidates = profile.documentTypes
    .filter((rule) => rule.kind === 'invoice')
    .map((rule) => byKey.get(rule.code, reference.number))
    .filter((doc): doc is InvoiceDocument => doc !== undefined);
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The document a Detalle, Pagos or Historial row points at, once its Tipo and Folio read. */
export const documentOf = (byKey: DocumentIndex, type: number | null, number: number | null): InvoiceDocument | undefined => (type !== null && number !== null ? byKey.get(type, number) : undefined);
