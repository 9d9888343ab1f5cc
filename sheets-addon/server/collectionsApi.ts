import * as z from 'zod/mini';
import {
  type DocumentCollectionsJson,
  type InvoiceView,
  type Issue,
  type IsoDate,
  type ReceivablesKpis,
  type ReminderRun,
  type CustomerStatement,
  type WorkbookRead,
  CHILE,
  buildLedger,
  customerStatement,
  documentsCollections,
  documentCollectionsJson,
  documentKey,
  fail,
  findDocument,
  issue,
  ok,
  parseAmountCell,
  planReminders,
  receivablesKpis,
  recordCollectionNote,
  recordPromise,
} from '../../core';
import type { AddonPorts } from './ports';
import type { Mutation, Transact } from './api';
import { checkPeriod, heldDocuments, parseInput } from './inputs';
import { knownCustomer } from './customerMail';
import { readSheetBook } from './readSheetBook';

const PROFILE = CHILE;

/** What one document's detail shows of collections: its promise, its Gestiones entries, its predicted pay date. */
export const collectionsSection = (read: WorkbookRead, views: readonly InvoiceView[], asOf: IsoDate): DocumentCollectionsJson[] =>
  documentsCollections(read.book, views, asOf, PROFILE).map(documentCollectionsJson);

export const CollectionEntryInputSchema = z.object({
  document: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  action: z.enum(['llamada', 'nota', 'promesa']),
  note: z._default(z.string().check(z.maxLength(2000)), ''),
  /** Promises only: the promised date and, as typed in major units, the amount (blank = the balance). */
  date: z.optional(z.string().check(z.maxLength(20))),
  amount: z.optional(z.string().check(z.maxLength(40))),
  held: heldDocuments,
});
export type CollectionEntryInput = z.input<typeof CollectionEntryInputSchema>;

export const KpisInputSchema = z.object({
  period: z.optional(z.string().check(z.maxLength(7))),
});
export type KpisInput = z.input<typeof KpisInputSchema>;

export const StatementInputSchema = z.object({
  customer: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  currency: z.optional(z.string().check(z.maxLength(3))),
});
export type StatementInput = z.input<typeof StatementInputSchema>;

/** The recorded entry's document and id; its section as it now reads comes with the answer's changes. */
export interface RecordedCollection {
  readonly key: string;
  readonly id: string;
}

interface Stamp {
  readonly user: string;
  readonly channel: 'sidebar';
  readonly today: string;
  readonly now: string;
}

/** The sidebar's collections calls; writes go through the add-on's one transaction (api.ts). */
export function createCollectionsApi(ports: AddonPorts, transact: Transact, stamp: () => Stamp) {
  const { sheet, session, mail } = ports;

  /** A call, a note or a promise on one document, planned by core's collection planners. */
  function recordCollection(input: CollectionEntryInput): Mutation<RecordedCollection> {
    const parsed = parseInput(CollectionEntryInputSchema, input);
    if (!parsed.ok) return { ok: false as const, issues: parsed.issues, version: null };
    const { document, action, note, date, amount, held } = parsed.value;
    const who = stamp();
    return transact<RecordedCollection>(held, (read) => {
      const planned = action === 'promesa' ? planPromise(read, who, document, note, date, amount) : recordCollectionNote(read, PROFILE, { ...who, target: document, action, note });
      if (!planned.ok) return planned;
      const { plan, entry, document: view } = planned.value;
      if (!view) return fail(issue('unknownDocument', {}, { value: document }));
      return ok({ plan, outcome: { key: documentKey(view), id: entry.id } });
    });
  }

  function planPromise(read: WorkbookRead, who: Stamp, document: string, note: string, date: string | undefined, typedAmount: string | undefined) {
    if (date === undefined || date.trim() === '') return fail(issue('required', { field: 'date' }));
    let amount: number | undefined;
    if (typedAmount !== undefined && typedAmount.trim() !== '') {
      const found = findDocument(buildLedger(read.book, who.today, PROFILE), document);
      const parsedAmount = parseAmountCell(typedAmount, found.ok ? found.value.currency : PROFILE.defaultCurrency);
      if (parsedAmount === null) return fail(issue('invalidNumber', { field: 'amount' }, { value: typedAmount }));
      amount = parsedAmount;
    }
    return recordPromise(read, PROFILE, { ...who, document, date: date.trim(), ...(amount === undefined ? {} : { amount }), note: note.trim() });
  }

  /** The receivables KPIs of a month (default: this one) as of its last day, or today within this month. */
  function collectionKpis(input: KpisInput): { ok: true; value: ReceivablesKpis } | { ok: false; issues: Issue[] } {
    const parsed = parseInput(KpisInputSchema, input);
    if (!parsed.ok) return { ok: false, issues: [...parsed.issues] };
    const period = checkPeriod(parsed.value.period || session.today().slice(0, 7));
    if (!period.ok) return { ok: false, issues: [...period.issues] };
    const { read } = readSheetBook(sheet);
    return { ok: true, value: receivablesKpis(read.book, PROFILE, period.value) };
  }

  /** One customer's estado de cuenta as of today, from one read; plans nothing. The client builds its PDF. */
  function customerStatementOf(input: StatementInput): { ok: true; value: CustomerStatement } | { ok: false; issues: Issue[] } {
    const parsed = parseInput(StatementInputSchema, input);
    if (!parsed.ok) return { ok: false, issues: [...parsed.issues] };
    const { customer, currency } = parsed.value;
    const { read } = readSheetBook(sheet);
    const known = knownCustomer(read, customer);
    if (!known.ok) return { ok: false, issues: [...known.issues] };
    return { ok: true, value: customerStatement(read.book, PROFILE, { customerTaxId: known.value, to: session.today(), ...(currency ? { currency } : {}) }) };
  }

  /** Today's reminders as core's planner would send them (dry run: nothing sent, nothing logged) and the mail left today. */
  function reminderPreview(): { ok: true; value: { run: ReminderRun; mailQuota: number } } {
    const { read } = readSheetBook(sheet);
    const run = planReminders(read.book, PROFILE, session.today(), { locale: session.savedLocale() ?? 'es' });
    return { ok: true, value: { run, mailQuota: mail.remainingDailyQuota() } };
  }

  return { recordCollection, collectionKpis, customerStatement: customerStatementOf, reminderPreview };
}
