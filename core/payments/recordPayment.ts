import type { Book, Channel, InvoiceView, IsoDate, Minor } from '../model';
import { documentKey } from '../model';
import { type Issue, type Result, fail, issue, ok } from '../issues/issue';
import { buildLedger } from '../ledger/buildLedger';
import type { TaxProfile } from '../tax/taxProfile';
import type { ChangePlan } from '../workbook/changes';
import type { WorkbookRead } from '../workbook/readWorkbook';
import { rowValues } from '../workbook/rowValues';
import { toMajorUnits } from '../money/toMajorUnits';
import { findDocument } from './findDocument';
import { unsafeWriteIssues } from './writeGuard';
import { historyAppend } from './historyAppend';
import { nextHistoryId } from './nextHistoryId';
import { refreshDerivedCells } from './refreshDerivedCells';

export interface PaymentRequest {
  /** `[TIPO-]FOLIO` */
  readonly document: string;
  readonly amount: Minor;
  readonly date: IsoDate;
  readonly method: string;
  readonly reference: string;
  readonly user: string;
  readonly channel: Channel;
  /** Today in the business time zone, from the face's clock. */
  readonly today: IsoDate;
  /** ISO instant for Historial. */
  readonly now: string;
  /** When the user saw the document: refuse if its balance moved since (Slack modal). */
  readonly expectedBalance?: Minor;
}

export interface PaymentOutcome {
  readonly plan: ChangePlan;
  readonly before: InvoiceView;
  readonly after: InvoiceView;
}

/** Validates a payment against the freshly read workbook and plans the rows and cells it writes. */
export function recordPayment(read: WorkbookRead, profile: TaxProfile, request: PaymentRequest): Result<PaymentOutcome> {
  const ledger = buildLedger(read.book, request.today, profile);
  const found = findDocument(ledger, request.document);
  if (!found.ok) return found;
  const before = found.value;
  const key = documentKey(before);
  const problems: Issue[] = [];
  if (before.kind !== 'invoice') {
    const target = before.reference ? documentKey(before.reference) : key;
    return fail(issue('paymentOnNote', {}, { key, target }));
  }
  if (before.paymentStatus === 'anulada') return fail(issue('documentVoid', {}, { key }));
  const unsafe = unsafeWriteIssues(read, [before]);
  if (unsafe.length > 0) return fail(...unsafe);
  if (!Number.isSafeInteger(request.amount) || request.amount <= 0) problems.push(issue('amountNotPositive', { field: 'amount' }, { value: request.amount }));
  else if (request.amount > before.balance) problems.push(issue('amountExceedsBalance', { field: 'amount' }, { key, amount: request.amount, balance: before.balance, currency: before.currency }));
  if (request.date > request.today) problems.push(issue('invalidDate', { field: 'date' }, { value: request.date }));
  if (request.expectedBalance !== undefined && request.expectedBalance !== before.balance) problems.push(issue('documentChanged', {}, { key, balance: before.balance, currency: before.currency }));
  const pagos = read.layout.pagos;
  const historial = read.layout.historial;
  const facturas = read.layout.facturas;
  if (!pagos) problems.push(issue('missingTab', { tab: 'pagos' }, { tab: 'Pagos' }));
  if (!historial) problems.push(issue('missingTab', { tab: 'historial' }, { tab: 'Historial' }));
  if (problems.length > 0 || !pagos || !historial || !facturas) return fail(...problems);

  const payment = { date: request.date, type: before.type, number: before.number, amount: request.amount, method: request.method, reference: request.reference, recordedBy: request.user };
  const afterBook: Book = { ...read.book, payments: [...read.book.payments, { ...payment, row: pagos.lastRow + 1 }] };
  const afterLedger = buildLedger(afterBook, request.today, profile);
  const after = afterLedger.byKey(before.type, before.number)!;
  const plan: ChangePlan = {
    updates: refreshDerivedCells(facturas, ledger, afterLedger, [before]),
    appends: [
      { tab: 'pagos', values: rowValues(pagos, { ...payment, amount: toMajorUnits(payment.amount, before.currency), date: { date: payment.date } }) },
      historyAppend(historial, {
        id: nextHistoryId(read.book.history),
        at: request.now,
        type: before.type,
        number: before.number,
        previousStatus: before.paymentStatus,
        newStatus: after.paymentStatus,
        amount: request.amount,
        currency: before.currency,
        user: request.user,
        channel: request.channel,
      }),
    ],
  };
  return ok({ plan, before, after });
}
