import type { Channel, DocumentKey, InvoiceView, IsoDate, Minor } from '../model';
import { documentKey } from '../model';
import { type Issue, type Result, fail, issue, ok } from '../issues/issue';
import { buildLedger } from '../ledger/buildLedger';
import { findDocument } from '../payments/findDocument';
import { CHANNEL_LABELS } from '../payments/historyAppend';
import { toMajorUnits } from '../money/toMajorUnits';
import type { TaxProfile } from '../tax/taxProfile';
import type { ChangePlan, RowAppend } from '../workbook/changes';
import type { TabLayout, WorkbookRead } from '../workbook/readWorkbook';
import { rowValues } from '../workbook/rowValues';
import { LOGGABLE_ACTIONS } from './collectionActions';
import { nextCollectionId } from './nextCollectionId';
import type { CollectionAction, CollectionEntry } from './types';

interface WhoAndWhen {
  readonly user: string;
  readonly channel: Channel;
  /** The business day the entry is about: the face's as-of date, today by default. */
  readonly today: IsoDate;
  /** ISO instant it is written, from the face's clock. */
  readonly now: string;
}

export interface PromiseRequest extends WhoAndWhen {
  /** `[TIPO-]FOLIO` */
  readonly document: string;
  readonly date: IsoDate;
  /** Defaults to the document's balance. */
  readonly amount?: Minor;
  readonly note: string;
}

export interface CollectionLogRequest extends WhoAndWhen {
  /** A RUT for a customer-level entry, or `[TIPO-]FOLIO`. */
  readonly target: string;
  readonly action: CollectionAction;
  readonly note: string;
}

export interface CollectionOutcome {
  readonly plan: ChangePlan;
  readonly entry: CollectionEntry;
  /** The document concerned, as of `today`; null for a customer-level entry. */
  readonly document: InvoiceView | null;
  readonly customerName: string;
}

type NewEntry = Omit<CollectionEntry, 'row'> & { readonly currency: string };

/** One Gestiones row laid out in the sheet's own column order. */
export function collectionAppend(layout: TabLayout, entry: NewEntry): RowAppend {
  return {
    tab: 'gestiones',
    values: rowValues(layout, {
      id: entry.id,
      date: { date: entry.date },
      timestamp: entry.timestamp === '' ? null : { instant: entry.timestamp },
      customerTaxId: entry.customerTaxId,
      type: entry.document?.type ?? null,
      number: entry.document?.number ?? null,
      action: entry.action,
      promisedDate: entry.promisedDate === null ? null : { date: entry.promisedDate },
      promisedAmount: entry.promisedAmount === null ? null : toMajorUnits(entry.promisedAmount, entry.currency),
      note: entry.note,
      user: entry.user,
      channel: entry.channel,
    }),
  };
}

const gestionesOf = (read: WorkbookRead): Result<TabLayout> => (read.layout.gestiones ? ok(read.layout.gestiones) : fail(issue('missingCollectionsTab', { tab: 'gestiones' })));

function planned(layout: TabLayout, entry: NewEntry, document: InvoiceView | null, customerName: string): Result<CollectionOutcome> {
  const { currency: _currency, ...stored } = entry;
  return ok({ plan: { updates: [], appends: [collectionAppend(layout, entry)] }, entry: { ...stored, row: layout.lastRow + 1 }, document, customerName });
}

/**
 * A promise to pay on one invoice. Refused with the reason, nothing planned: unknown, void or
 * paid documents, notes, a date before today, an amount not positive or above the balance.
 */
export function recordPromise(read: WorkbookRead, profile: TaxProfile, request: PromiseRequest): Result<CollectionOutcome> {
  const found = findDocument(buildLedger(read.book, request.today, profile), request.document);
  if (!found.ok) return found;
  const view = found.value;
  const key = documentKey(view);
  if (view.kind !== 'invoice') return fail(issue('promiseOnNote', {}, { key, target: view.reference ? documentKey(view.reference) : key }));
  if (view.paymentStatus === 'anulada') return fail(issue('promiseOnVoid', {}, { key }));
  if (view.balance <= 0) return fail(issue('promiseOnPaid', {}, { key }));
  const problems: Issue[] = [];
  const amount = request.amount ?? view.balance;
  if (!Number.isSafeInteger(amount) || amount <= 0) problems.push(issue('amountNotPositive', { field: 'amount' }, { value: amount }));
  else if (amount > view.balance) problems.push(issue('amountExceedsBalance', { field: 'amount' }, { key, amount, balance: view.balance, currency: view.currency }));
  if (request.date < request.today) problems.push(issue('promiseDateInPast', { field: 'date' }, { value: request.date, today: request.today }));
  const layout = gestionesOf(read);
  if (!layout.ok) problems.push(...layout.issues);
  if (problems.length > 0 || !layout.ok) return fail(...problems);
  const entry: NewEntry = {
    id: nextCollectionId(read.book.collections ?? []),
    date: request.today,
    timestamp: request.now,
    customerTaxId: view.customerTaxId,
    document: { type: view.type, number: view.number },
    action: 'promesa',
    promisedDate: request.date,
    promisedAmount: amount,
    note: request.note,
    user: request.user,
    channel: CHANNEL_LABELS[request.channel],
    currency: view.currency,
  };
  return planned(layout.value, entry, view, view.customerName);
}

/** `12.345.678-5` or `12345678-5`: a customer; anything else is read as `[TIPO-]FOLIO`. */
const LOOKS_LIKE_RUT = /^\d{1,2}\.\d{3}\.\d{3}-[\dkK]$|^\d{7,8}-[\dkK]$/;

/** A call, email or note about a customer or one of its documents. */
export function recordCollectionNote(read: WorkbookRead, profile: TaxProfile, request: CollectionLogRequest): Result<CollectionOutcome> {
  const problems: Issue[] = [];
  if (!LOGGABLE_ACTIONS.includes(request.action)) problems.push(issue('invalidChoice', { field: 'action' }, { value: request.action, allowed: LOGGABLE_ACTIONS.join(', ') }));
  if (request.note.trim() === '') problems.push(issue('required', { field: 'note' }));
  let customerTaxId: string;
  let customerName: string;
  let document: InvoiceView | null = null;
  let currency = profile.defaultCurrency;
  const target = request.target.trim();
  if (LOOKS_LIKE_RUT.test(target)) {
    const parsed = profile.parseTaxId(target);
    if (!parsed.ok) return fail(issue('invalidTaxId', { field: 'customer' }, { value: target, problem: parsed.problem }));
    customerTaxId = parsed.value;
    const name = customerNameOf(read, customerTaxId);
    if (name === null) return fail(issue('unknownCustomer', {}, { value: target }));
    customerName = name;
  } else {
    const found = findDocument(buildLedger(read.book, request.today, profile), target);
    if (!found.ok) return found;
    document = found.value;
    customerTaxId = document.customerTaxId;
    customerName = document.customerName;
    currency = document.currency;
  }
  const layout = gestionesOf(read);
  if (!layout.ok) problems.push(...layout.issues);
  if (problems.length > 0 || !layout.ok) return fail(...problems);
  const key: DocumentKey | null = document ? { type: document.type, number: document.number } : null;
  const entry: NewEntry = {
    id: nextCollectionId(read.book.collections ?? []),
    date: request.today,
    timestamp: request.now,
    customerTaxId,
    document: key,
    action: request.action,
    promisedDate: null,
    promisedAmount: null,
    note: request.note.trim(),
    user: request.user,
    channel: CHANNEL_LABELS[request.channel],
    currency,
  };
  return planned(layout.value, entry, document, customerName);
}

/** The Clientes name of a RUT, else the name on its latest document; null when neither exists. */
export function customerNameOf(read: Pick<WorkbookRead, 'book'>, taxId: string): string | null {
  const customer = read.book.customers.find((c) => c.taxId === taxId);
  if (customer) return customer.name;
  let latest: { issueDate: string; customerName: string } | null = null;
  for (const doc of read.book.documents) if (doc.customerTaxId === taxId && (!latest || doc.issueDate >= latest.issueDate)) latest = doc;
  return latest?.customerName ?? null;
}
