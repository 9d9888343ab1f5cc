import type { Locale } from '../i18n/locale';
import type { Book, IsoDate, Minor } from '../model';
import { documentKey } from '../model';
import { daysBetween, formatDateCl } from '../dates/isoDate';
import { buildLedger } from '../ledger/buildLedger';
import { formatMoney } from '../money/formatMoney';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import { customerEmails } from './customerEmails';
import { promiseIndex } from './promiseStatus';
import { defaultStepText, reminderSchedule } from './reminderSchedule';
import type { ReminderStep } from './types';

export interface ReminderDocument {
  readonly type: number;
  readonly number: number;
  readonly dueDate: IsoDate;
  readonly balance: Minor;
  /** Negative before the due date. */
  readonly daysOverdue: number;
  /** The highest step of the schedule this document has reached. */
  readonly step: number;
}

export interface Reminder {
  readonly customerTaxId: string;
  readonly customerName: string;
  readonly email: string;
  readonly currency: string;
  readonly documents: readonly ReminderDocument[];
  /** With the placeholders filled in; the text is that of the highest step among the documents. */
  readonly subject: string;
  readonly body: string;
}

export type SkipReason = 'openPromise' | 'optedOut' | 'noEmail';

export interface SkippedReminder {
  readonly customerTaxId: string;
  readonly reason: SkipReason;
  /** For a document skipped on its own (an open promise). */
  readonly type?: number;
  readonly number?: number;
}

export interface ReminderRun {
  readonly asOf: IsoDate;
  readonly reminders: readonly Reminder[];
  readonly skipped: readonly SkippedReminder[];
}

/** `paso 7` in a Gestiones recordatorio's Nota: how the run knows a step was sent. */
export const reminderStepNote = (step: number): string => `paso ${step}`;
const STEP_IN_NOTE = /paso\s*([+-]?\d+)/i;

export const SKIP_REASON_LABELS: Readonly<Record<SkipReason, { es: string; en: string }>> = {
  openPromise: { es: 'tiene una promesa de pago vigente', en: 'has an open promise to pay' },
  optedOut: { es: 'su fila de Clientes dice Recordatorios: no', en: 'its Clientes row says Recordatorios: no' },
  noEmail: { es: 'no tiene correo en Clientes ni en sus documentos', en: 'has no email in Clientes or on its documents' },
};

const fill = (template: string, values: Readonly<Record<string, string>>): string => template.replace(/\{(cliente|documentos|saldo|empresa)\}/g, (_, key: string) => values[key] ?? '');

/**
 * Today's reminders: for each invoice still owed, the highest step of the schedule it has
 * reached (days from its due date), unless that step, or a later one, was already sent for it
 * (Gestiones recordatorio rows). One message per customer with an email; documents with an
 * open promise, customers with `Recordatorios: no` and customers without an email are skipped
 * with the reason. Only the profile's currency is reminded, so one {saldo} adds up.
 */
export function planReminders(book: Book, profile: TaxProfile, asOf: IsoDate, options: { readonly locale: Locale }): ReminderRun {
  const schedule = reminderSchedule(book);
  const currency = profile.defaultCurrency;
  const ledger = buildLedger(book, asOf, profile);
  const promises = promiseIndex(book, asOf);

  const sentSteps = new Map<string, number>();
  for (const entry of book.collections ?? []) {
    if (entry.action !== 'recordatorio' || !entry.document) continue;
    const match = STEP_IN_NOTE.exec(entry.note);
    if (!match) continue;
    const key = documentKey(entry.document);
    sentSteps.set(key, Math.max(sentSteps.get(key) ?? Number.NEGATIVE_INFINITY, Number(match[1])));
  }

  const due = new Map<string, { name: string; documents: ReminderDocument[] }>();
  const skipped: SkippedReminder[] = [];
  for (const view of ledger.views) {
    if (view.kind !== 'invoice' || view.paymentStatus === 'anulada' || view.balance <= 0 || view.issueDate > asOf || view.currency !== currency) continue;
    const dueDate = view.dueDate ?? view.issueDate;
    const days = daysBetween(dueDate, asOf);
    let step: ReminderStep | undefined;
    for (const candidate of schedule) if (candidate.days <= days) step = candidate;
    if (!step) continue;
    const key = documentKey(view);
    if ((sentSteps.get(key) ?? Number.NEGATIVE_INFINITY) >= step.days) continue;
    if (promises.promiseOf(view)?.status === 'open') {
      skipped.push({ customerTaxId: view.customerTaxId, reason: 'openPromise', type: view.type, number: view.number });
      continue;
    }
    const entry = due.get(view.customerTaxId) ?? { name: view.customerName, documents: [] };
    entry.documents.push({ type: view.type, number: view.number, dueDate, balance: view.balance, daysOverdue: days, step: step.days });
    due.set(view.customerTaxId, entry);
  }
  const emails = customerEmails(book, new Set(due.keys()));

  const issuerName = book.issuer?.name ?? '';
  const reminders: Reminder[] = [];
  for (const [taxId, entry] of [...due.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const customer = book.customers.find((c) => c.taxId === taxId);
    if (customer?.reminders === false) {
      skipped.push({ customerTaxId: taxId, reason: 'optedOut' });
      continue;
    }
    const email = emails.get(taxId) ?? '';
    if (email === '') {
      skipped.push({ customerTaxId: taxId, reason: 'noEmail' });
      continue;
    }
    const documents = entry.documents.sort((a, b) => b.daysOverdue - a.daysOverdue || a.type - b.type || a.number - b.number);
    const highest = Math.max(...documents.map((d) => d.step));
    const step = schedule.find((s) => s.days === highest)!;
    const defaults = defaultStepText(highest, options.locale);
    const total = documents.reduce((sum, d) => sum + d.balance, 0);
    const values = {
      cliente: customer?.name ?? entry.name,
      documentos: documents.map((d) => documentLine(d, profile, currency, options.locale)).join('\n'),
      saldo: formatMoney(total, currency),
      empresa: issuerName,
    };
    reminders.push({
      customerTaxId: taxId,
      customerName: values.cliente,
      email,
      currency,
      documents,
      subject: fill(step.subject || defaults.subject, values)
        .replace(/\s+—\s*$/, '')
        .trim(),
      body: fill(step.message || defaults.message, values),
    });
  }
  return { asOf, reminders, skipped };
}

function documentLine(d: ReminderDocument, profile: TaxProfile, currency: string, locale: Locale): string {
  const name = documentTypeRule(profile, d.type)?.name[locale] ?? String(d.type);
  const es = locale === 'es';
  const when =
    d.daysOverdue > 0
      ? es
        ? `venció el ${formatDateCl(d.dueDate)} (${d.daysOverdue} ${d.daysOverdue === 1 ? 'día' : 'días'} de atraso)`
        : `was due on ${formatDateCl(d.dueDate)} (${d.daysOverdue} ${d.daysOverdue === 1 ? 'day' : 'days'} overdue)`
      : es
        ? `vence el ${formatDateCl(d.dueDate)}`
        : `falls due on ${formatDateCl(d.dueDate)}`;
  return `- ${name} N° ${d.number}: ${when}, ${es ? 'saldo' : 'balance'} ${formatMoney(d.balance, currency)}`;
}
