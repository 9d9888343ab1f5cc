import {
  type DocumentCollectionsJson,
  type Issue,
  type Locale,
  type ReceivablesKpis,
  COLLECTION_ACTION_LABELS,
  PROMISE_STATUS_LABELS,
  formatDateCl,
  formatMoney,
  parseCollectionAction,
  parsePromiseStatus,
} from '../../core';
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
