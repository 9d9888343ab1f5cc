import { type Locale, type ReminderRun, SKIP_REASON_LABELS, formatMoney } from '../../core';
import type { App } from './app';
import { h } from './dom';
import { callServer } from './serverClient';
import { statementPdf } from './statementView';

// The Recordatorios panel of Informes: today's reminders as core plans them, and «Enviar», which
// sends them one customer at a time: the statement's PDF is built here, the server checks the
// reminder is still due under the lock, sends it and logs it, so the daily trigger (or another
// sidebar) never sends it again. The mail quota is shown and stops the run.

const TEXT = {
  es: {
    reminders: 'Recordatorios de hoy',
    previewReminders: 'Ver recordatorios de hoy',
    noReminders: 'Hoy no corresponde enviar recordatorios.',
    step: 'paso',
    quota: (n: number) => `Correos disponibles hoy: ${n}`,
    skipped: 'Omitidos',
    send: (n: number) => (n === 1 ? 'Enviar 1 recordatorio' : `Enviar ${n} recordatorios`),
    sending: (i: number, n: number) => `Enviando ${i} de ${n}…`,
    sent: (n: number) => (n === 1 ? 'Se envió 1 recordatorio.' : `Se enviaron ${n} recordatorios.`),
  },
  en: {
    reminders: "Today's reminders",
    previewReminders: "Preview today's reminders",
    noReminders: 'No reminders are due today.',
    step: 'step',
    quota: (n: number) => `Emails left today: ${n}`,
    skipped: 'Skipped',
    send: (n: number) => (n === 1 ? 'Send 1 reminder' : `Send ${n} reminders`),
    sending: (i: number, n: number) => `Sending ${i} of ${n}…`,
    sent: (n: number) => (n === 1 ? '1 reminder sent.' : `${n} reminders sent.`),
  },
} as const;

const text = (locale: Locale) => TEXT[locale];

let reminders: { run: ReminderRun; mailQuota: number } | null = null;

const preview = async (app: App): Promise<void> => {
  const answer = await callServer('reminderPreview');
  if (!answer.ok) return;
  reminders = answer.value;
  app.mailQuota = answer.value.mailQuota;
};

async function sendAll(app: App, run: ReminderRun): Promise<void> {
  const t = text(app.locale);
  await app.run(async () => {
    let sent = 0;
    const problems: string[] = [];
    for (const [index, reminder] of run.reminders.entries()) {
      app.notice = { kind: 'ok', text: t.sending(index + 1, run.reminders.length) };
      app.render();
      const statement = await callServer('customerStatement', { customer: reminder.customerTaxId, currency: reminder.currency });
      if (!statement.ok) {
        problems.push(app.issueText(statement.issues));
        continue;
      }
      const pdfBase64 = await statementPdf(app, statement.value).getBase64();
      const answer = await callServer('sendReminder', { customer: reminder.customerTaxId, pdfBase64, held: app.data!.heldKeys() });
      if (!answer.ok) {
        problems.push(`${reminder.customerName}: ${app.issueText(answer.issues)}`);
        if (answer.issues.some((i) => i.code === 'mailQuotaExhausted')) break;
        await app.followVersion(answer.version);
        continue;
      }
      sent++;
      app.mailQuota = answer.value.remainingQuota;
      await app.applyChanges(answer);
    }
    // What is left (the quota ran out, or one was refused) shows as today's preview again.
    await preview(app);
    app.notice = problems.length === 0 ? { kind: 'ok', text: t.sent(sent) } : { kind: 'error', text: [t.sent(sent), ...problems].join(' ') };
  });
}

export function remindersCard(app: App): HTMLElement {
  const t = text(app.locale);
  const shown = reminders;
  return h(
    'div',
    { class: 'report', 'data-testid': 'report-reminders' },
    h('h3', {}, t.reminders),
    shown
      ? [
          h('p', { class: 'sub', 'data-testid': 'reminders-quota' }, t.quota(app.mailQuota)),
          shown.run.reminders.length === 0
            ? h('p', { class: 'empty' }, t.noReminders)
            : h(
                'div',
                {},
                h(
                  'ul',
                  { class: 'entries', 'data-testid': 'reminders-list' },
                  shown.run.reminders.map((r) =>
                    h(
                      'li',
                      { 'data-testid': 'reminder' },
                      h('div', { class: 'line' }, h('span', {}, r.customerName), h('span', { class: 'sub' }, r.email)),
                      r.documents.map((d) => h('div', { class: 'sub' }, `${d.type}-${d.number} · ${formatMoney(d.balance, r.currency)} · ${t.step} ${d.step}`)),
                    ),
                  ),
                ),
                h(
                  'button',
                  { type: 'button', class: 'primary', disabled: app.busy || app.mailQuota < 1, 'data-testid': 'reminders-send', onclick: () => sendAll(app, shown.run) },
                  t.send(shown.run.reminders.length),
                ),
              ),
          shown.run.skipped.length === 0
            ? null
            : h(
                'p',
                { class: 'sub', 'data-testid': 'reminders-skipped' },
                `${t.skipped}: ${shown.run.skipped.map((s) => `${s.type !== undefined ? `${s.type}-${s.number} ` : ''}${s.customerTaxId} (${SKIP_REASON_LABELS[s.reason][app.locale]})`).join('; ')}`,
              ),
        ]
      : h('button', { type: 'button', disabled: app.busy, 'data-testid': 'reminders-load', onclick: () => app.run(() => preview(app)) }, t.previewReminders),
  );
}
