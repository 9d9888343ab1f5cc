import type { Book, Channel, InvoiceView, IsoDate } from '../model';
import { documentKey } from '../model';
import { type Result, fail, issue, ok } from '../issues/issue';
import { buildLedger } from '../ledger/buildLedger';
import type { TaxProfile } from '../tax/taxProfile';
import type { ChangePlan } from '../workbook/changes';
import { STATE_LABELS } from '../workbook/choices';
import type { WorkbookRead } from '../workbook/readWorkbook';
import { historyAppend } from './historyAppend';
import { nextHistoryId } from './nextHistoryId';
import { refreshDerivedCells } from './refreshDerivedCells';
import { findDocument } from './findDocument';
import { unsafeWriteIssues } from './writeGuard';

export interface VoidRequest {
  readonly document: string;
  readonly user: string;
  readonly channel: Channel;
  readonly today: IsoDate;
  readonly now: string;
}

/** Marks a document Anulada: its Estado cell, its derived cells and a Historial entry. */
export function voidDocument(read: WorkbookRead, profile: TaxProfile, request: VoidRequest): Result<{ plan: ChangePlan; before: InvoiceView; after: InvoiceView }> {
  const ledger = buildLedger(read.book, request.today, profile);
  const found = findDocument(ledger, request.document);
  if (!found.ok) return found;
  const before = found.value;
  const key = documentKey(before);
  if (before.state === 'anulada') return fail(issue('documentAlreadyVoid', {}, { key }));
  const unsafe = unsafeWriteIssues(read, [before, before.reference]);
  if (unsafe.length > 0) return fail(...unsafe);
  // Voiding would leave recorded money pointing at a document that no longer counts.
  const paid = read.book.payments.filter((p) => p.type === before.type && p.number === before.number).reduce((sum, p) => sum + p.amount, 0);
  if (paid > 0) return fail(issue('documentHasPayments', {}, { key, paid, currency: before.currency }));
  const facturas = read.layout.facturas;
  const historial = read.layout.historial;
  if (!historial || !facturas) return fail(issue('missingTab', { tab: 'historial' }, { tab: 'Historial' }));
  const afterBook: Book = { ...read.book, documents: read.book.documents.map((d) => (d.row === before.row ? { ...d, state: 'anulada' as const } : d)) };
  const afterLedger = buildLedger(afterBook, request.today, profile);
  const after = afterLedger.byKey(before.type, before.number)!;
  const plan: ChangePlan = {
    updates: [{ tab: 'facturas', row: before.row, column: facturas.columns.state!, value: STATE_LABELS.anulada.es }, ...refreshDerivedCells(facturas, ledger, afterLedger, [before])],
    appends: [
      historyAppend(historial, {
        id: nextHistoryId(read.book.history),
        at: request.now,
        type: before.type,
        number: before.number,
        previousStatus: before.paymentStatus,
        newStatus: after.paymentStatus,
        amount: before.total,
        currency: before.currency,
        user: request.user,
        channel: request.channel,
      }),
    ],
  };
  return ok({ plan, before, after });
}
