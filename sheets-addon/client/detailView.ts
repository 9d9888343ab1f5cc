import {
  type DocumentDetail,
  type InvoiceView,
  type Issue,
  CHILE,
  ORIGIN_LABELS,
  PAYMENT_STATUS_LABELS,
  documentKey,
  documentTypeRule,
  formatDateCl,
  formatMoney,
  formatInstant,
  formatQuantity,
  historyStatusLabel,
  issue,
  lineAmount,
  parseTypedAmount,
  paymentMethodOptions,
  suggestedAmount,
  takesPayments,
  viewWithDetail,
} from '../../core';
import type { App } from './app';
import { collectionsDetail } from './collectionsView';
import { statementSection } from './statementView';
import { h } from './dom';
import { invoicePdf } from './pdf';
import { callServer } from './serverClient';
import { statusChip } from './listView';

/** Issues the server tied to a form field are shown beside it; the rest go to the notice. */
let formIssues: readonly Issue[] = [];
let confirming: 'email' | 'void' | null = null;
/** What the user typed in the payment form, kept across re-renders (an error must not wipe it); per document. */
let draft: { key: string; values: Record<string, string> } | null = null;

const fieldError = (app: App, field: string) => {
  const mine = formIssues.filter((i) => i.path.field === field);
  return mine.length > 0 ? h('div', { class: 'field-error', 'data-testid': `error-${field}` }, app.issueText(mine.map((i) => ({ ...i, path: {} })))) : null;
};

const pair = (label: string, value: string | HTMLElement | null, testid?: string) =>
  value === null || value === '' ? null : h('div', { class: 'pair' }, h('dt', {}, label), h('dd', testid ? { 'data-testid': testid } : {}, value));

function showIssues(app: App, issues: readonly Issue[]): void {
  formIssues = issues.filter((i) => i.path.field !== undefined);
  const general = issues.filter((i) => i.path.field === undefined);
  app.notice = general.length > 0 ? { kind: 'error', text: app.issueText(general) } : null;
}

async function recordPayment(app: App, view: InvoiceView, form: HTMLFormElement): Promise<void> {
  const data = new FormData(form);
  const amountText = String(data.get('amount') ?? '');
  // The server reads it again under the lock; checked here too so a typo is shown without a round trip.
  const amount = parseTypedAmount(amountText, view.currency);
  if (!amount.ok) {
    formIssues = amount.issues;
    app.render();
    return;
  }
  const key = documentKey(view);
  await app.run(async () => {
    const answer = await callServer('recordPayment', {
      document: key,
      amount: amountText,
      date: String(data.get('date') ?? ''),
      method: String(data.get('method') ?? ''),
      reference: String(data.get('reference') ?? ''),
      expectedBalance: view.balance,
      held: app.data!.heldKeys(),
    });
    if (!answer.ok) {
      await app.followVersion(answer.version);
      return showIssues(app, answer.issues);
    }
    formIssues = [];
    draft = null;
    await app.applyChanges(answer);
    const label = (s: keyof typeof PAYMENT_STATUS_LABELS) => PAYMENT_STATUS_LABELS[s][app.locale];
    app.notice = { kind: 'ok', text: app.t.paymentSaved(answer.value.key, label(answer.value.before), label(answer.value.after)) };
  });
}

async function voidDocument(app: App, view: InvoiceView): Promise<void> {
  confirming = null;
  await app.run(async () => {
    const answer = await callServer('voidDocument', { document: documentKey(view), held: app.data!.heldKeys() });
    if (!answer.ok) {
      await app.followVersion(answer.version);
      return showIssues(app, answer.issues);
    }
    await app.applyChanges(answer);
    app.notice = { kind: 'ok', text: app.t.voided(answer.value.key) };
  });
}

async function emailPdf(app: App, view: InvoiceView, detail: DocumentDetail): Promise<void> {
  confirming = null;
  await app.run(async () => {
    const pdfBase64 = await invoicePdf(app, detail, view).getBase64();
    const answer = await callServer('emailInvoice', { document: documentKey(view), pdfBase64, locale: app.locale });
    if (!answer.ok) return showIssues(app, answer.issues);
    app.mailQuota = answer.remainingQuota;
    app.notice = { kind: 'ok', text: app.t.sent(answer.to, answer.remainingQuota) };
  });
}

function print(app: App, view: InvoiceView, detail: DocumentDetail): void {
  // The window opens inside the click, or popup blockers stop it.
  const target = window.open('', '_blank');
  invoicePdf(app, detail, view)
    .print(target)
    .catch((error: Error) => {
      app.notice = { kind: 'error', text: error.message };
      app.render();
    });
}

export function detailView(app: App, key: string): HTMLElement {
  const t = app.t;
  const load = app.load;
  const [type, number] = key.split('-').map(Number);
  const listed = app.ledger.byKey(type!, number!);
  const back = h(
    'button',
    {
      type: 'button',
      class: 'link back',
      'data-testid': 'back',
      onclick: () => {
        formIssues = [];
        confirming = null;
        draft = null;
        app.show({ name: 'list' });
      },
    },
    t.back,
  );
  if (!listed) return h('section', {}, back, h('p', { class: 'empty' }, app.issueText([issue('unknownDocument', {}, { value: key })])));
  const detail = app.data!.details.get(key);
  if (!detail) app.requestDetail(key);
  if (!detail) return h('section', { class: 'detail', 'data-testid': 'detail-loading', 'data-key': key }, back, h('p', { class: 'loading' }, t.loading));
  const view = viewWithDetail(listed, detail);
  const money = (amount: number) => formatMoney(amount, view.currency);
  const rule = documentTypeRule(CHILE, view.type);
  const { lines, payments } = detail;
  const history = [...detail.history].sort((a, b) => (a.timestamp < b.timestamp ? 1 : -1));
  // Historial holds status words as they were written (any language); show them in the reader's.
  const statusWord = (text: string) => historyStatusLabel(text, app.locale);
  if (draft?.key !== key) draft = { key, values: {} };
  const typed = draft.values;
  const remember = (event: Event) => {
    const input = event.target as HTMLInputElement;
    typed[input.name] = input.value;
  };
  const canPay = takesPayments(view);
  const origin = ORIGIN_LABELS[view.origin][app.locale] + (view.origin !== 'directa' && view.originRef ? ` ${t.originRef} ${view.originRef}` : '');

  const cancelButton = () =>
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          confirming = null;
          app.render();
        },
      },
      t.cancel,
    );
  const emailBox =
    confirming === 'email'
      ? h(
          'div',
          { class: 'confirm', 'data-testid': 'email-confirm' },
          h('p', {}, view.email === '' ? t.noEmail : app.mailQuota < 1 ? t.quotaExhausted : t.sendTo(view.email, app.mailQuota)),
          h(
            'button',
            { type: 'button', class: 'primary', disabled: view.email === '' || app.mailQuota < 1 || app.busy, 'data-testid': 'email-send', onclick: () => emailPdf(app, view, detail) },
            t.send,
          ),
          cancelButton(),
        )
      : null;

  const voidBox =
    confirming === 'void'
      ? h(
          'div',
          { class: 'confirm', 'data-testid': 'void-confirm' },
          h('p', {}, t.confirmVoid(key)),
          h('button', { type: 'button', class: 'danger', disabled: app.busy, 'data-testid': 'void-yes', onclick: () => voidDocument(app, view) }, t.markVoid),
          cancelButton(),
        )
      : null;

  return h(
    'section',
    { class: 'detail', 'data-testid': 'detail', 'data-key': key },
    back,
    h('h2', { class: 'title' }, h('span', {}, `${rule?.name[app.locale] ?? view.type} ${t.numberSign}\u00a0${view.number}`), statusChip(app, view.paymentStatus)),
    h(
      'dl',
      {},
      pair(t.customer, view.customerName),
      pair(t.taxId, view.customerTaxId),
      pair(t.email, view.email),
      pair(t.issueDate, formatDateCl(view.issueDate)),
      pair(t.dueDate, formatDateCl(view.dueDate ?? view.issueDate)),
      pair(t.origin, origin, 'origin'),
      view.reference ? pair(t.reference, `${view.reference.type}-${view.reference.number}`) : null,
    ),
    h(
      'dl',
      { class: 'amounts' },
      view.net !== 0 ? pair(t.net, money(view.net)) : null,
      view.exempt !== 0 ? pair(t.exempt, money(view.exempt)) : null,
      view.tax !== 0 ? pair(t.vat, money(view.tax)) : null,
      view.otherTaxes !== 0 ? pair(t.otherTaxes, money(view.otherTaxes)) : null,
      pair(t.total, money(view.total)),
      pair(t.paid, money(view.paid), 'paid'),
      view.adjustments !== 0 ? pair(t.adjustments, money(-view.adjustments)) : null,
      pair(t.balance, money(view.balance), 'balance'),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'grow', 'data-testid': 'download-pdf', onclick: () => invoicePdf(app, detail, view).download(`${key}.pdf`) }, t.downloadPdf),
      h('button', { type: 'button', class: 'grow', 'data-testid': 'print', onclick: () => print(app, view, detail) }, t.print),
      h(
        'button',
        {
          type: 'button',
          class: 'grow',
          'data-testid': 'email',
          onclick: () => {
            confirming = 'email';
            app.render();
          },
        },
        t.sendEmail,
      ),
    ),
    emailBox,
    h('h3', {}, t.lines),
    lines.length === 0
      ? h('p', { class: 'empty' }, t.noLines)
      : h(
          'table',
          { class: 'lines' },
          h('thead', {}, h('tr', {}, h('th', {}, t.description), h('th', { class: 'num' }, t.quantity), h('th', { class: 'num' }, t.amount))),
          h(
            'tbody',
            {},
            lines.map((l) => h('tr', {}, h('td', { class: 'desc' }, l.description), h('td', { class: 'num' }, formatQuantity(l.quantityMilli)), h('td', { class: 'num' }, money(lineAmount(l))))),
          ),
        ),
    h('h3', {}, t.payments),
    payments.length === 0
      ? h('p', { class: 'empty' }, t.noPayments)
      : h(
          'ul',
          { class: 'entries', 'data-testid': 'payments' },
          payments.map((p) =>
            h(
              'li',
              {},
              h('div', { class: 'line' }, h('span', {}, formatDateCl(p.date)), h('span', { class: 'num strong' }, money(p.amount))),
              p.method || p.reference ? h('div', { class: 'sub' }, [p.method, p.reference].filter(Boolean).join(' · ')) : null,
            ),
          ),
        ),
    canPay
      ? h(
          'form',
          {
            class: 'pay',
            'data-testid': 'payment-form',
            onsubmit: (e: Event) => {
              e.preventDefault();
              void recordPayment(app, view, e.target as HTMLFormElement);
            },
          },
          h('h3', {}, t.recordPayment),
          h(
            'div',
            { class: 'row2' },
            h(
              'label',
              {},
              t.amount,
              h('input', {
                name: 'amount',
                inputmode: 'decimal',
                required: true,
                value: typed.amount ?? suggestedAmount(view.balance, view.currency),
                'aria-invalid': formIssues.some((i) => i.path.field === 'amount') || undefined,
                'data-testid': 'pay-amount',
                oninput: remember,
              }),
            ),
            h(
              'label',
              {},
              t.date,
              h('input', {
                name: 'date',
                type: 'date',
                required: true,
                value: typed.date ?? load.today,
                max: load.today,
                'aria-invalid': formIssues.some((i) => i.path.field === 'date') || undefined,
                'data-testid': 'pay-date',
                oninput: remember,
              }),
            ),
          ),
          fieldError(app, 'amount'),
          fieldError(app, 'date'),
          h('label', {}, t.method, h('input', { name: 'method', list: 'payment-methods', value: typed.method ?? '', 'data-testid': 'pay-method', oninput: remember })),
          h(
            'datalist',
            { id: 'payment-methods' },
            paymentMethodOptions(app.locale).map((m) => h('option', { value: m.label })),
          ),
          h('label', {}, t.paymentReference, h('input', { name: 'reference', value: typed.reference ?? '', 'data-testid': 'pay-reference', oninput: remember })),
          h('button', { type: 'submit', class: 'primary', disabled: app.busy, 'data-testid': 'pay-submit' }, app.busy ? t.working : t.save),
        )
      : null,
    collectionsDetail(app, key, detail.sections.collections, view.currency, view.kind === 'invoice' && view.paymentStatus !== 'anulada' && view.balance > 0),
    statementSection(app, view.customerTaxId, view.currency),
    h('h3', {}, t.history),
    history.length === 0
      ? h('p', { class: 'empty' }, t.noHistory)
      : h(
          'ul',
          { class: 'entries history', 'data-testid': 'history' },
          history.map((e) =>
            h(
              'li',
              { 'data-testid': 'history-entry' },
              h(
                'div',
                { class: 'line' },
                h('time', { datetime: e.timestamp, 'data-testid': 'history-time' }, formatInstant(e.timestamp, load.timeZone)),
                e.amount !== null ? h('span', { class: 'num' }, money(e.amount)) : null,
              ),
              h('div', {}, `${statusWord(e.previousStatus)} → ${statusWord(e.newStatus)}`),
              e.user || e.channel ? h('div', { class: 'sub' }, [e.user ? `${t.by} ${e.user}` : '', e.channel ? `(${e.channel})` : ''].filter(Boolean).join(' ')) : null,
            ),
          ),
        ),
    view.state !== 'anulada'
      ? h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'danger',
              'data-testid': 'void',
              onclick: () => {
                confirming = 'void';
                app.render();
              },
            },
            t.markVoid,
          ),
          voidBox,
        )
      : null,
  );
}
