import {
  type CustomerStatement,
  type DocumentCollectionsJson,
  type Issue,
  type Locale,
  type ReceivablesKpis,
  type ReminderRun,
  AGING_BUCKETS,
  AGING_BUCKET_LABELS,
  CHILE,
  COLLECTION_ACTION_LABELS,
  PROMISE_STATUS_LABELS,
  formatDateCl,
  formatMoney,
  parseCollectionAction,
  movementLabel,
  parsePromiseStatus,
  SKIP_REASON_LABELS,
  statementDocDefinition,
} from '../../core';
import { reportPdf } from './pdf';
import type { App } from './app';
import { h } from './dom';
import { callServer } from './serverClient';

// Collections in the sidebar: an opened document's Gestiones timeline and the "Registrar gestión"
// form (core plans the entry; the answer carries the document's section as it now reads), and the
// KPIs card of Informes, computed by the server from the whole book.

const TEXT = {
  es: {
    timeline: 'Gestiones de cobranza',
    noEntries: 'Sin gestiones registradas.',
    promise: 'Promesa',
    predicted: 'Pago probable',
    record: 'Registrar gestión',
    action: 'Acción',
    note: 'Nota',
    promisedDate: 'Fecha compromiso',
    promisedAmount: 'Monto (vacío: el saldo)',
    save: 'Registrar',
    recorded: (id: string) => `Gestión ${id} registrada.`,
    kpis: 'Indicadores de cobranza',
    loadKpis: 'Calcular indicadores',
    dso: 'DSO (días)',
    cei: 'CEI',
    over90: 'Más de 90 días',
    receivables: 'Por cobrar',
    topDebtors: 'Mayores deudores',
    overdue: 'vencido',
    statement: 'Estado de cuenta',
    opening: 'Saldo anterior',
    closing: 'Saldo final',
    balance: 'Saldo',
    ageing: 'Antigüedad',
    downloadStatement: 'Descargar PDF',
    noMovements: 'Sin movimientos en el período.',
    reminders: 'Recordatorios de hoy',
    previewReminders: 'Ver recordatorios de hoy',
    noReminders: 'Hoy no corresponde enviar recordatorios.',
    step: 'paso',
    quota: (n: number) => `Correos disponibles hoy: ${n}`,
    skipped: 'Omitidos',
  },
  en: {
    timeline: 'Collection log',
    noEntries: 'Nothing logged yet.',
    promise: 'Promise',
    predicted: 'Likely paid on',
    record: 'Log an action',
    action: 'Action',
    note: 'Note',
    promisedDate: 'Promised date',
    promisedAmount: 'Amount (blank: the balance)',
    save: 'Log',
    recorded: (id: string) => `Entry ${id} logged.`,
    kpis: 'Collection KPIs',
    loadKpis: 'Compute KPIs',
    dso: 'DSO (days)',
    cei: 'CEI',
    over90: 'Over 90 days',
    receivables: 'Receivables',
    topDebtors: 'Top debtors',
    overdue: 'overdue',
    statement: 'Statement',
    opening: 'Opening balance',
    closing: 'Closing balance',
    balance: 'Balance',
    ageing: 'Ageing',
    downloadStatement: 'Download PDF',
    noMovements: 'No movements in the period.',
    reminders: "Today's reminders",
    previewReminders: "Preview today's reminders",
    noReminders: 'No reminders are due today.',
    step: 'step',
    quota: (n: number) => `Emails left today: ${n}`,
    skipped: 'Skipped',
  },
} as const;

const text = (locale: Locale) => TEXT[locale];
const RECORDABLE = ['llamada', 'nota', 'promesa'] as const;

/** The form's typed values and the refusal of the last try, kept across redraws of one document. */
let form: { key: string; action: string; values: Record<string, string>; issues: readonly Issue[] } | null = null;

const actionLabel = (code: string, locale: Locale): string => {
  const action = parseCollectionAction(code);
  return action ? COLLECTION_ACTION_LABELS[action][locale] : code;
};

async function submit(app: App, key: string): Promise<void> {
  const current = form!;
  await app.run(async () => {
    const { action, values } = current;
    const answer = await callServer('recordCollection', {
      document: key,
      action: action as (typeof RECORDABLE)[number],
      note: values.note ?? '',
      ...(action === 'promesa' ? { date: values.date ?? '', amount: values.amount ?? '' } : {}),
      held: app.data!.heldKeys(),
    });
    if (!answer.ok) {
      current.issues = answer.issues;
      app.notice = { kind: 'error', text: app.issueText(answer.issues) };
      await app.followVersion(answer.version);
      return;
    }
    form = { key, action, values: {}, issues: [] };
    app.notice = { kind: 'ok', text: text(app.locale).recorded(answer.value.id) };
    await app.applyChanges(answer);
  });
}

/** The opened document's collections: promise, likely pay date, timeline, and the form that logs one more. */
export function collectionsDetail(app: App, key: string, section: unknown, currency: string, canPromise: boolean): HTMLElement | null {
  const shown = section as DocumentCollectionsJson | undefined;
  if (!shown) return null;
  const t = text(app.locale);
  const money = (amount: number) => formatMoney(amount, currency);
  if (form?.key !== key) form = { key, action: canPromise ? 'promesa' : 'llamada', values: {}, issues: [] };
  const current = form;
  const typed = current.values;
  const remember = (event: Event) => {
    const input = event.target as HTMLInputElement;
    typed[input.name] = input.value;
  };
  const entries = [...shown.collectionLog].reverse();
  const status = shown.promise ? parsePromiseStatus(shown.promise.status) : null;
  return h(
    'div',
    { class: 'collections', 'data-testid': 'collections' },
    h('h3', {}, t.timeline),
    shown.promise
      ? h(
          'p',
          { 'data-testid': 'promise' },
          `${t.promise}: ${money(shown.promise.amount)} · ${formatDateCl(shown.promise.date)} · ${status ? PROMISE_STATUS_LABELS[status][app.locale] : shown.promise.status}`,
        )
      : null,
    shown.predictedPayDate ? h('p', { class: 'sub', 'data-testid': 'predicted-pay-date' }, `${t.predicted}: ${formatDateCl(shown.predictedPayDate)}`) : null,
    entries.length === 0
      ? h('p', { class: 'empty' }, t.noEntries)
      : h(
          'ul',
          { class: 'entries', 'data-testid': 'collection-log' },
          entries.map((e) =>
            h(
              'li',
              { 'data-testid': 'collection-entry' },
              h(
                'div',
                { class: 'line' },
                h('span', {}, `${formatDateCl(e.date)} · ${actionLabel(e.action, app.locale)}`),
                e.promisedAmount !== null ? h('span', { class: 'num' }, money(e.promisedAmount)) : null,
              ),
              e.promisedDate ? h('div', { class: 'sub' }, `${t.promisedDate}: ${formatDateCl(e.promisedDate)}`) : null,
              e.note ? h('div', {}, e.note) : null,
              e.user ? h('div', { class: 'sub' }, e.user) : null,
            ),
          ),
        ),
    h(
      'form',
      {
        class: 'pay',
        'data-testid': 'collection-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          void submit(app, key);
        },
      },
      h('h3', {}, t.record),
      h(
        'label',
        {},
        t.action,
        h(
          'select',
          {
            name: 'action',
            'data-testid': 'collection-action',
            onchange: (event: Event) => {
              current.action = (event.target as HTMLSelectElement).value;
              app.render();
            },
          },
          RECORDABLE.filter((a) => a !== 'promesa' || canPromise).map((a) => h('option', { value: a, selected: current.action === a }, COLLECTION_ACTION_LABELS[a][app.locale])),
        ),
      ),
      current.action === 'promesa'
        ? h(
            'div',
            { class: 'row2' },
            h('label', {}, t.promisedDate, h('input', { name: 'date', type: 'date', required: true, value: typed.date ?? '', 'data-testid': 'collection-date', oninput: remember })),
            h('label', {}, t.promisedAmount, h('input', { name: 'amount', inputmode: 'decimal', value: typed.amount ?? '', 'data-testid': 'collection-amount', oninput: remember })),
          )
        : null,
      h('label', {}, t.note, h('input', { name: 'note', value: typed.note ?? '', required: current.action !== 'promesa', 'data-testid': 'collection-note', oninput: remember })),
      h('button', { type: 'submit', class: 'primary', disabled: app.busy, 'data-testid': 'collection-submit' }, app.busy ? app.t.working : t.save),
    ),
  );
}

let kpis: { period: string; value: ReceivablesKpis } | null = null;

/** The KPIs card of Informes: asked of the server (DSO and CEI need every payment's date, which the projection folds into today). */
export function kpisCard(app: App, period: string): HTMLElement {
  const t = text(app.locale);
  const shown = kpis?.period === period ? kpis.value : null;
  const load = () =>
    app.run(async () => {
      const answer = await callServer('collectionKpis', { period });
      if (answer.ok) kpis = { period, value: answer.value };
      else app.notice = { kind: 'error', text: app.issueText(answer.issues) };
    });
  const money = (amount: number) => formatMoney(amount, shown?.currency ?? 'CLP');
  const figure = (label: string, value: string, testid: string) => h('div', { class: 'pair' }, h('dt', {}, label), h('dd', { 'data-testid': testid }, value));
  const decimal = (n: number | null, suffix = '') => (n === null ? '—' : `${String(n).replace('.', ',')}${suffix}`);
  return h(
    'div',
    { class: 'report', 'data-testid': 'report-kpis' },
    h('h3', {}, `${t.kpis} ${period}`),
    shown
      ? [
          h(
            'dl',
            { class: 'amounts' },
            figure(t.receivables, money(shown.receivables), 'kpi-receivables'),
            figure(t.dso, decimal(shown.dso), 'kpi-dso'),
            figure(t.cei, decimal(shown.cei, ' %'), 'kpi-cei'),
            figure(t.over90, decimal(shown.over90Share, ' %'), 'kpi-over90'),
          ),
          h('h3', {}, t.topDebtors),
          h(
            'ul',
            { class: 'entries', 'data-testid': 'kpi-top-debtors' },
            shown.topDebtors.map((d) =>
              h(
                'li',
                {},
                h('div', { class: 'line' }, h('span', {}, d.customerName), h('span', { class: 'num strong' }, money(d.balance))),
                h('div', { class: 'sub' }, [`${money(d.overdue)} ${t.overdue}`, d.predictedPayDate ? `${t.predicted}: ${formatDateCl(d.predictedPayDate)}` : ''].filter(Boolean).join(' · ')),
              ),
            ),
          ),
        ]
      : h('button', { type: 'button', disabled: app.busy, 'data-testid': 'kpis-load', onclick: load }, t.loadKpis),
  );
}

/** The last statement fetched, by customer tax id and currency. */
let statement: { customer: string; currency: string; value: CustomerStatement } | null = null;

/** The opened document's customer's estado de cuenta: a link that asks the server, then the statement and its PDF button. */
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
  const download = () => reportPdf(statementDocDefinition(shown, { profile: CHILE, issuer: app.load.issuer, locale: app.locale })).download(`estado-${shown.customerTaxId}-${shown.to}.pdf`);
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
    h('button', { type: 'button', disabled: app.busy, 'data-testid': 'statement-pdf', onclick: download }, t.downloadStatement),
  );
}

let reminders: { run: ReminderRun; mailQuota: number } | null = null;

/** The Recordatorios panel of Informes: today's reminders as core plans them, previewed only (the send stays with the daily trigger). */
export function remindersCard(app: App): HTMLElement {
  const t = text(app.locale);
  const load = () =>
    app.run(async () => {
      const answer = await callServer('reminderPreview');
      if (answer.ok) reminders = answer.value;
    });
  const shown = reminders;
  return h(
    'div',
    { class: 'report', 'data-testid': 'report-reminders' },
    h('h3', {}, t.reminders),
    shown
      ? [
          h('p', { class: 'sub', 'data-testid': 'reminders-quota' }, t.quota(shown.mailQuota)),
          shown.run.reminders.length === 0
            ? h('p', { class: 'empty' }, t.noReminders)
            : h(
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
          shown.run.skipped.length === 0
            ? null
            : h(
                'p',
                { class: 'sub', 'data-testid': 'reminders-skipped' },
                `${t.skipped}: ${shown.run.skipped.map((s) => `${s.type !== undefined ? `${s.type}-${s.number} ` : ''}${s.customerTaxId} (${SKIP_REASON_LABELS[s.reason][app.locale]})`).join('; ')}`,
              ),
        ]
      : h('button', { type: 'button', disabled: app.busy, 'data-testid': 'reminders-load', onclick: load }, t.previewReminders),
  );
}
