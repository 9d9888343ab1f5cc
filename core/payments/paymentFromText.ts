import type { Channel, IsoDate, Minor } from '../model';
import { type Issue, type Result, fail, issue, ok } from '../issues/issue';
import { buildLedger } from '../ledger/buildLedger';
import { parseIsoDate } from '../dates/isoDate';
import { parseTypedAmount } from '../money/parseTypedAmount';
import type { TaxProfile } from '../tax/taxProfile';
import { canonicalPaymentMethod } from '../workbook/choices';
import type { WorkbookRead } from '../workbook/readWorkbook';
import { findDocument } from './findDocument';
import { type PaymentOutcome, type PaymentRequest, recordPayment } from './recordPayment';

/** A payment as a person typed it, in any face: nothing parsed yet. */
export interface TypedPayment {
  /** `[TIPO-]FOLIO` */
  readonly document: string;
  /** Major units of the document's currency, as typed: `297.500`, `12,50`. */
  readonly amount: string;
  /** `AAAA-MM-DD` or `DD-MM-AAAA`; empty means today. */
  readonly date: string;
  readonly method: string;
  readonly reference: string;
}

/** Who and when, from the face. */
export interface PaymentStamp {
  readonly user: string;
  readonly channel: Channel;
  readonly today: IsoDate;
  readonly now: string;
  readonly expectedBalance?: Minor;
}

/**
 * Turns what a person typed into a payment request: the document is found first, so the amount
 * is read in that document's currency and never in one a form claims; the method is stored as its
 * canonical text. Every problem of the form comes back at once.
 */
export function paymentRequestFromText(read: WorkbookRead, profile: TaxProfile, typed: TypedPayment, stamp: PaymentStamp): Result<PaymentRequest> {
  const found = findDocument(buildLedger(read.book, stamp.today, profile), typed.document);
  if (!found.ok) return found;
  const problems: Issue[] = [];
  const amount = parseTypedAmount(typed.amount, found.value.currency);
  if (!amount.ok) problems.push(...amount.issues);
  const date = typed.date.trim() === '' ? stamp.today : parseIsoDate(typed.date);
  if (date === null) problems.push(issue('invalidDate', { field: 'date' }, { value: typed.date }));
  if (!amount.ok || date === null) return fail(...problems);
  return ok({
    document: typed.document,
    amount: amount.value,
    date,
    method: canonicalPaymentMethod(typed.method),
    reference: typed.reference.trim(),
    ...stamp,
  });
}

/** paymentRequestFromText, then recordPayment: what every face's "record payment" does. */
export function recordTypedPayment(read: WorkbookRead, profile: TaxProfile, typed: TypedPayment, stamp: PaymentStamp): Result<PaymentOutcome & { readonly request: PaymentRequest }> {
  const request = paymentRequestFromText(read, profile, typed, stamp);
  if (!request.ok) return request;
  const outcome = recordPayment(read, profile, request.value);
  return outcome.ok ? ok({ ...outcome.value, request: request.value }) : outcome;
}
