import { type CustomerStatement, type Locale, AGING_BUCKETS, AGING_BUCKET_LABELS, CHILE, formatDateCl, formatMoney, movementLabel, statementDocDefinition } from '../../core';
import type { App } from './app';
import { h } from './dom';
import { reportPdf } from './pdf';
import { callServer } from './serverClient';

// The customer view of an opened document: the customer's estado de cuenta as the server computes
// it, its PDF built here with pdfmake, downloaded or emailed to the customer (the server sends it
// and logs a Gestiones «correo» line).

const TEXT = {
  es: {
    statement: 'Estado de cuenta',
    opening: 'Saldo anterior',
    closing: 'Saldo final',
    balance: 'Saldo',
    ageing: 'Antigüedad',
    downloadStatement: 'Descargar PDF',
    emailStatement: 'Enviar por correo',
    noMovements: 'Sin movimientos en el período.',
    sent: (to: string) => `Estado de cuenta enviado a ${to}.`,
  },
  en: {
    statement: 'Statement',
    opening: 'Opening balance',
    closing: 'Closing balance',
    balance: 'Balance',
    ageing: 'Ageing',
    downloadStatement: 'Download PDF',
    emailStatement: 'Email it',
    noMovements: 'No movements in the period.',
    sent: (to: string) => `Statement sent to ${to}.`,
  },
} as const;

const text = (locale: Locale) => TEXT[locale];

/** The statement's PDF as the sidebar builds it, for a download, a statement email or a reminder. */
export const statementPdf = (app: App, statement: CustomerStatement) => reportPdf(statementDocDefinition(statement, { profile: CHILE, issuer: app.load.issuer, locale: app.locale }));

/** The last statement fetched, by customer tax id and currency. */
let statement: { customer: string; currency: string; value: CustomerStatement } | null = null;

async function emailStatement(app: App, shown: CustomerStatement): Promise<void> {
  await app.run(async () => {
    const pdfBase64 = await statementPdf(app, shown).getBase64();
    const answer = await callServer('emailStatement', { customer: shown.customerTaxId, currency: shown.currency, pdfBase64, locale: app.locale, held: app.data!.heldKeys() });
    if (!answer.ok) {
      app.notice = { kind: 'error', text: app.issueText(answer.issues) };
      await app.followVersion(answer.version);
      return;
    }
    app.mailQuota = answer.value.remainingQuota;
    await app.applyChanges(answer);
    app.notice = { kind: 'ok', text: text(app.locale).sent(answer.value.to) };
  });
}

/** The opened document's customer's estado de cuenta: a link that asks the server, then the statement, its PDF and its email buttons. */
export function statementSection(app: App, customer: string, currency: string): HTMLElement {
  const t = text(app.locale);
  const shown = statement?.customer === customer && statement.currency === currency ? statement.value : null;
  const load = () =>
    app.run(async () => {
      const answer = await callServer('customerStatement', { customer, currency });
      if (answer.ok) statement = { customer, currency, value: answer.value };
      else app.notice = { kind: 'error', text: app.issueText(answer.issues) };
    });
  if (!shown) return h('div', { class: 'statement' }, h('button', { type: 'button', class: 'link', disabled: app.busy, 'data-testid': 'statement-open', onclick: load }, t.statement));
  const money = (amount: number) => formatMoney(amount, shown.currency);
  const line = (label: string, amount: string, testid?: string) => h('div', { class: 'line' }, h('span', {}, label), h('span', { class: 'num', ...(testid ? { 'data-testid': testid } : {}) }, amount));
  const download = () => statementPdf(app, shown).download(`estado-${shown.customerTaxId}-${shown.to}.pdf`);
  return h(
    'div',
    { class: 'statement', 'data-testid': 'statement' },
    h('h3', {}, `${t.statement} · ${shown.customerName}`),
    h('p', { class: 'sub' }, `${formatDateCl(shown.from)} – ${formatDateCl(shown.to)}`),
    line(t.opening, money(shown.openingBalance), 'statement-opening'),
    shown.movements.length === 0
      ? h('p', { class: 'empty' }, t.noMovements)
      : h(
          'ul',
          { class: 'entries', 'data-testid': 'statement-movements' },
          shown.movements.map((m) =>
            h(
              'li',
              { 'data-testid': 'statement-movement' },
              h('div', { class: 'line' }, h('span', {}, `${formatDateCl(m.date)} · ${movementLabel(m, CHILE, app.locale)}`), h('span', { class: 'num' }, money(m.amount))),
              h('div', { class: 'sub' }, `${t.balance}: ${money(m.balance)}`),
            ),
          ),
        ),
    h('div', { class: 'line strong' }, h('span', {}, t.closing), h('span', { class: 'num strong', 'data-testid': 'statement-closing' }, money(shown.closingBalance))),
    h('h3', {}, t.ageing),
    h(
      'dl',
      { class: 'amounts' },
      AGING_BUCKETS.map((bucket) => h('div', { class: 'pair' }, h('dt', {}, AGING_BUCKET_LABELS[bucket][app.locale]), h('dd', {}, money(shown.aging[bucket])))),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', disabled: app.busy, 'data-testid': 'statement-pdf', onclick: download }, t.downloadStatement),
      h('button', { type: 'button', disabled: app.busy || app.mailQuota < 1, 'data-testid': 'statement-email', onclick: () => emailStatement(app, shown) }, t.emailStatement),
    ),
  );
}
