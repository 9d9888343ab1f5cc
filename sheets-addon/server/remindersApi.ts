import { type Locale, CHILE, customerStatement, formatIssue, planReminders, statementHtml } from '../../core';
import { sendPlannedReminder, statementFileName } from './customerMail';
import type { AddonPorts } from './ports';
import type { ReminderPorts } from './reminderPorts';
import { readSheetBook } from './readSheetBook';

const PROFILE = CHILE;
/** Apps Script stops a run at six minutes; stopping here leaves time to log the last send. */
export const REMINDER_TIME_BUDGET_MS = 5 * 60_000;

export interface ReminderRunReport {
  readonly sent: number;
  /** Why it stopped before the end; null when every reminder went out. */
  readonly stoppedBy: 'quota' | 'time' | null;
  /** Reminders still due after this run, sent by the next one. */
  readonly pending: number;
  /** One line per message that could not be sent (a bad address): logged nowhere, tried again next run. */
  readonly failures: readonly string[];
}

/**
 * The add-on's daily reminder run (the sidebar sends one customer at a time: collectionsApi.ts). Each
 * message is planned from a fresh read under the document lock, sent, and logged in Gestiones
 * before the lock is released, so a run that stops (quota, six minutes) or dies resumes on the
 * next one without sending anything twice.
 */
export function createRemindersApi(ports: AddonPorts, reminders: ReminderPorts) {
  const { sheet, mail, session } = ports;
  const readFresh = () => readSheetBook(sheet).read;
  const locale = (): Locale => session.savedLocale() ?? 'es';

  function sendReminders(channel: 'programado'): ReminderRunReport {
    const started = session.now().getTime();
    const tried = new Set<string>();
    const failures: string[] = [];
    let sent = 0;
    for (;;) {
      const step = sheet.withDocumentLock((): { done: true; pending: number } | { done: false; stop: 'quota' | 'time' | null; pending: number } => {
        const read = readFresh();
        const today = session.today();
        const due = planReminders(read.book, PROFILE, today, { locale: locale() }).reminders.filter((r) => !tried.has(r.customerTaxId));
        const next = due[0];
        if (!next) return { done: true, pending: 0 };
        if (mail.remainingDailyQuota() < 1) return { done: false, stop: 'quota', pending: due.length };
        if (session.now().getTime() - started > REMINDER_TIME_BUDGET_MS) return { done: false, stop: 'time', pending: due.length };
        tried.add(next.customerTaxId);
        const statement = customerStatement(read.book, PROFILE, { customerTaxId: next.customerTaxId, to: today });
        const html = statementHtml(statement, { profile: PROFILE, issuer: read.book.issuer, locale: locale() });
        const attachment = reminders.pdfFromHtml(html, statementFileName(next.customerTaxId));
        const log = sendPlannedReminder(mail, read, next, attachment, { user: session.userEmail(), channel, today, now: session.now().toISOString() });
        if (!log.ok) {
          failures.push(...log.issues.map((i) => formatIssue(i, locale())));
          // A refused address is tried again tomorrow; without a Gestiones tab nothing can be sent.
          return log.issues.some((i) => i.code === 'mailNotSent') ? { done: false, stop: null, pending: due.length - 1 } : { done: true, pending: due.length };
        }
        sheet.applyPlan(log.value, read.layout);
        // Counted like every write, so an open sidebar sees Gestiones moved and loads again.
        sheet.countWrite();
        sent++;
        return { done: false, stop: null, pending: due.length - 1 };
      });
      if (step.done) return { sent, stoppedBy: null, pending: step.pending, failures };
      if (step.stop) return { sent, stoppedBy: step.stop, pending: step.pending, failures };
    }
  }

  return {
    sendReminders,
    ensureDailyTrigger: () => reminders.ensureDailyTrigger(),
  };
}
