import path from 'node:path';
import { type Book, SKIP_REASON_LABELS, type ReminderRun, customerStatement, formatMoney, ok, planReminders, reminderLogPlan, statementDocDefinition } from '../../core';
import { composeReminderEml, writeToOutbox } from '../../core/node/reminderMail';
import { expectPositionals } from '../args';
import { type Command, type CommandContext, EXIT } from '../command';
import { collectionMessages } from '../collectionMessages';
import { messages } from '../messages';
import { issuesError, json, warnUnreadable } from '../output';
import { defaultUser } from '../user';

export const runJson = (run: ReminderRun) => ({
  asOf: run.asOf,
  reminders: run.reminders.map((r) => ({
    customerTaxId: r.customerTaxId,
    customerName: r.customerName,
    email: r.email,
    subject: r.subject,
    documents: r.documents.map(({ type, number, balance, daysOverdue, step }) => ({ type, number, balance, daysOverdue, step })),
  })),
  skipped: run.skipped,
});

function runText(run: ReminderRun, context: CommandContext): string[] {
  const es = context.locale === 'es';
  const lines: string[] = [];
  for (const r of run.reminders) {
    lines.push(`${r.customerName} (${r.customerTaxId}) <${r.email}>: ${r.subject}`);
    for (const d of r.documents) lines.push(`  ${d.type}-${d.number}  ${es ? 'paso' : 'step'} ${d.step}  ${formatMoney(d.balance, r.currency)}  ${d.daysOverdue} ${es ? 'días' : 'days'}`);
  }
  for (const s of run.skipped) lines.push(`${es ? 'Omitido' : 'Skipped'}: ${s.customerTaxId}${s.type ? ` ${s.type}-${s.number}` : ''}: ${SKIP_REASON_LABELS[s.reason][context.locale]}`);
  return lines;
}

export const command: Command = {
  name: 'remind',
  usage: { es: '[--dry-run]', en: '[--dry-run]' },
  description: {
    es: 'Prepara los recordatorios de cobranza de --as-of (por defecto hoy): un correo por cliente con los documentos que llegaron a un paso del calendario (hoja Recordatorios; por defecto -3, 1, 7, 15 y 30 días desde el vencimiento) con su estado de cuenta en PDF, como archivos .eml en .facturas/outbox/, y lo anota en Gestiones. Nunca repite un paso para un documento; omite promesas vigentes, clientes con Recordatorios: no y clientes sin correo.',
    en: 'Prepares the collection reminders of --as-of (default today): one email per customer listing the documents that reached a step of the schedule (Recordatorios tab; default -3, 1, 7, 15 and 30 days from the due date) with their statement PDF, as .eml files in .facturas/outbox/, and logs them in Gestiones. A document never gets a step twice; open promises, customers with Recordatorios: no and customers without email are skipped.',
  },
  options: [
    { name: 'dry-run', type: 'boolean', help: { es: 'solo muestra lo que enviaría; no escribe nada', en: 'only shows what it would send; writes nothing' } },
    { name: 'user', type: 'string', value: 'U', help: { es: 'quién envía (por defecto FACTURAS_USER o el usuario del sistema)', en: 'who sends (default FACTURAS_USER or the system user)' } },
  ],
  formats: ['table', 'json'],
  async run(args, context) {
    const m = messages(context.locale);
    const c = collectionMessages(context.locale);
    expectPositionals(args, this, { min: 0, max: 0 }, m, context.locale);
    const format = context.format ?? 'table';
    const plan = (read: Parameters<typeof planReminders>[0]) => planReminders(read, context.profile, context.asOf, { locale: context.locale });
    let run: ReminderRun;
    let book: Book;
    if (args.values['dry-run'] === true) {
      const read = await context.openStore().read();
      warnUnreadable(read, context);
      run = plan(read.book);
      book = read.book;
    } else {
      // Planned and logged from one fresh read under the lock: two runs at once never send a step twice.
      const result = await context.openStore().transact((read) => {
        warnUnreadable(read, context);
        const planned = plan(read.book);
        const log = reminderLogPlan(read, planned.reminders, {
          user: String(args.values.user ?? '') || defaultUser(context.io),
          channel: 'cli',
          today: context.asOf,
          now: context.now().toISOString(),
        });
        return log.ok ? ok({ plan: log.value, outcome: { run: planned, book: read.book } }) : log;
      });
      if (!result.ok) throw issuesError(result.issues, context.locale);
      ({ run, book } = result.value);
      const outbox = path.join(path.dirname(context.workbookPath), '.facturas', 'outbox');
      const { renderPdf } = await import('../../core/node/pdf');
      for (const reminder of run.reminders) {
        const statement = customerStatement(book, context.profile, { customerTaxId: reminder.customerTaxId, to: context.asOf });
        const pdf = await renderPdf(statementDocDefinition(statement, { profile: context.profile, issuer: book.issuer, locale: context.locale }));
        const compact = context.profile.compactTaxId(reminder.customerTaxId);
        const eml = await composeReminderEml(reminder, {
          from: book.issuer?.email || 'cobranza@facturas.invalid',
          date: context.now(),
          statementPdf: pdf,
          statementFileName: `estado-de-cuenta-${compact}.pdf`,
        });
        await writeToOutbox(outbox, `${context.asOf}-recordatorio-${compact}`, eml);
      }
      if (format !== 'json') context.print(run.reminders.length === 0 ? c.noReminders : c.remindersSent(run.reminders.length, outbox));
    }
    if (format === 'json') context.print(json(runJson(run)));
    else {
      if (args.values['dry-run'] === true) context.print(run.reminders.length === 0 ? c.noReminders : c.remindersDry(run.reminders.length));
      for (const line of runText(run, context)) context.print(line);
    }
    return EXIT.ok;
  },
};
