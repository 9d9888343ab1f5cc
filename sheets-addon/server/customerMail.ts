import * as z from 'zod/mini';
import {
  type ChangePlan,
  type Channel,
  type Issue,
  type Reminder,
  type Result,
  type WorkbookRead,
  CHILE,
  LOCALES,
  customerEmails,
  customerNameOf,
  customerStatement,
  fail,
  issue,
  ok,
  planReminders,
  recordCollectionNote,
  reminderLogPlan,
  statementMail,
  statementSentNote,
} from '../../core';
import type { Mutation, Transact } from './api';
import { heldDocuments, parseInput } from './inputs';
import type { AddonPorts, MailAttachment, MailPort } from './ports';

const PROFILE = CHILE;

export interface Who {
  readonly user: string;
  readonly channel: Channel;
  readonly today: string;
  readonly now: string;
}

/** A RUT as the sidebar sent it, in the workbook's form, for a customer the book knows. */
export function knownCustomer(read: WorkbookRead, text: string): Result<string> {
  const parsed = PROFILE.parseTaxId(text);
  if (!parsed.ok) return fail(issue('invalidTaxId', {}, { value: text, problem: parsed.problem }));
  if (customerNameOf(read, parsed.value) === null) return fail(issue('unknownCustomer', {}, { value: text }));
  return ok(parsed.value);
}

/** The statement PDF a reminder or a statement email carries is named after the customer's RUT. */
export const statementFileName = (customerTaxId: string): string => `estado-de-cuenta-${PROFILE.compactTaxId(customerTaxId)}.pdf`;

export const statementAttachment = (customerTaxId: string, base64: string): MailAttachment => ({
  fileName: statementFileName(customerTaxId),
  mimeType: 'application/pdf',
  base64,
});

/** Sends, turning a refused address into an issue: the caller then writes nothing. */
export function sendOrIssue(mail: MailPort, message: Parameters<MailPort['send']>[0]): Issue | null {
  try {
    mail.send(message);
    return null;
  } catch (error) {
    return issue('mailNotSent', {}, { value: message.to, problem: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * One planned reminder sent with its statement, and its Gestiones lines planned: the daily
 * trigger's and the sidebar's one way to send, so the log that keeps a step from going twice is
 * the same. Nothing is planned when the Gestiones tab is missing (nothing is sent) or the send fails.
 */
export function sendPlannedReminder(mail: MailPort, read: WorkbookRead, reminder: Reminder, attachment: MailAttachment, who: Who): Result<ChangePlan> {
  const log = reminderLogPlan(read, [reminder], who);
  if (!log.ok) return log;
  const refused = sendOrIssue(mail, { to: reminder.email, subject: reminder.subject, body: reminder.body, attachment });
  return refused ? fail(refused) : log;
}

const customerText = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));
/** The statement PDF the sidebar built with pdfmake, base64 (as emailInvoice takes an invoice's). */
const pdfBase64 = z.string().check(z.minLength(8), z.maxLength(30_000_000));

export const StatementMailInputSchema = z.object({
  customer: customerText,
  currency: z.optional(z.string().check(z.maxLength(3))),
  pdfBase64,
  locale: z._default(z.enum(LOCALES as unknown as ['es', 'en']), 'es'),
  held: heldDocuments,
});
export type StatementMailInput = z.input<typeof StatementMailInputSchema>;

export const ReminderSendInputSchema = z.object({ customer: customerText, pdfBase64, held: heldDocuments });
export type ReminderSendInput = z.input<typeof ReminderSendInputSchema>;

export interface CustomerMailSent {
  readonly customerTaxId: string;
  readonly to: string;
  readonly remainingQuota: number;
}

/**
 * The sidebar's mail to customers: a statement from the customer view, and today's reminders one
 * customer at a time. Each is decided on the fresh read under the document lock, sent, and its
 * Gestiones line written in the same transaction, so a second sidebar cannot send it again.
 */
export function createCustomerMailApi(ports: AddonPorts, transact: Transact, stamp: () => Who) {
  const { mail, session } = ports;
  const quotaLeft = (): Result<null> => (mail.remainingDailyQuota() < 1 ? fail(issue('mailQuotaExhausted')) : ok(null));

  function emailStatement(input: StatementMailInput): Mutation<CustomerMailSent> {
    const parsed = parseInput(StatementMailInputSchema, input);
    if (!parsed.ok) return { ok: false, issues: parsed.issues, version: null };
    const { customer, currency, locale, held } = parsed.value;
    const who = stamp();
    return transact<CustomerMailSent>(held, (read) => {
      const known = knownCustomer(read, customer);
      if (!known.ok) return known;
      const taxId = known.value;
      const to = customerEmails(read.book, new Set([taxId])).get(taxId);
      if (to === undefined) return fail(issue('customerWithoutEmail', {}, { value: customer }));
      const quota = quotaLeft();
      if (!quota.ok) return quota;
      const logged = recordCollectionNote(read, PROFILE, { ...who, target: taxId, action: 'correo', note: statementSentNote(to) });
      if (!logged.ok) return logged;
      const statement = customerStatement(read.book, PROFILE, { customerTaxId: taxId, to: who.today, ...(currency ? { currency } : {}) });
      const refused = sendOrIssue(mail, { to, ...statementMail(statement, read.book.issuer?.name ?? '', locale), attachment: statementAttachment(taxId, parsed.value.pdfBase64) });
      if (refused) return fail(refused);
      return ok({ plan: logged.value.plan, outcome: { customerTaxId: taxId, to, remainingQuota: mail.remainingDailyQuota() } });
    });
  }

  /** Today's reminder to one customer, as the preview listed it; refused when it is no longer due (sent meanwhile, or paid). */
  function sendReminder(input: ReminderSendInput): Mutation<CustomerMailSent> {
    const parsed = parseInput(ReminderSendInputSchema, input);
    if (!parsed.ok) return { ok: false, issues: parsed.issues, version: null };
    const { customer, held } = parsed.value;
    const who = stamp();
    return transact<CustomerMailSent>(held, (read) => {
      const known = knownCustomer(read, customer);
      if (!known.ok) return known;
      const reminder = planReminders(read.book, PROFILE, who.today, { locale: session.savedLocale() ?? 'es' }).reminders.find((r) => r.customerTaxId === known.value);
      if (!reminder) return fail(issue('reminderNotDue', {}, { value: customer }));
      const quota = quotaLeft();
      if (!quota.ok) return quota;
      const log = sendPlannedReminder(mail, read, reminder, statementAttachment(reminder.customerTaxId, parsed.value.pdfBase64), who);
      if (!log.ok) return log;
      return ok({ plan: log.value, outcome: { customerTaxId: reminder.customerTaxId, to: reminder.email, remainingQuota: mail.remainingDailyQuota() } });
    });
  }

  return { emailStatement, sendReminder };
}
