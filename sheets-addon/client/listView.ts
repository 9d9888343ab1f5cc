import {
  type InvoiceView,
  type PaymentStatus,
  type PromiseLookup,
  type Query,
  type QueryPage,
  type Result,
  type SortKey,
  type Origin,
  CHILE,
  ORIGINS,
  ORIGIN_LABELS,
  PAYMENT_STATUSES,
  PAYMENT_STATUS_LABELS,
  documentKey,
  documentTypeRule,
  formatDateCl,
  formatMoney,
  normalizeText,
  ok,
  parseQuery,
  runQuery,
} from '../../core';
import type { App } from './app';
import { h, replaceChildren } from './dom';
import { queryHelpView } from './queryHelpView';
import { windowedList } from './windowedList';

/** Each card's height plus the gap below it, as sidebar.css draws them (li.doc in .window). */
export const ROW_HEIGHT = 82;
/** Matches put in order on the first pass: a few screens' worth, so typing never sorts every match. */
const FIRST_ROWS = 200;

const SORTS: Readonly<Record<string, readonly SortKey[]>> = {
  '': [],
  oldest: [{ field: 'fecha', descending: false }],
  due: [{ field: 'vencimiento', descending: false }],
  total: [{ field: 'total', descending: true }],
  balance: [{ field: 'saldo', descending: true }],
  customer: [{ field: 'cliente', descending: false }],
  folio: [{ field: 'folio', descending: false }],
  days: [{ field: 'dias', descending: true }],
};

/** The query box (docs/query-language.md) plus the filter controls, as one core Query. */
export function composeQuery(app: App): Result<Query> {
  const c = app.controls;
  const parsed = parseQuery(c.text);
  if (!parsed.ok) return parsed;
  const filters: Query['filters'][number][] = [...parsed.value.filters];
  if (c.from) filters.push({ kind: 'from', date: c.from });
  if (c.to) filters.push({ kind: 'to', date: c.to });
  if (c.customer.trim()) filters.push({ kind: 'customer', text: normalizeText(c.customer) });
  if (c.status) filters.push({ kind: 'status', statuses: [c.status as PaymentStatus] });
  if (c.origin) filters.push({ kind: 'origin', origins: [c.origin as Origin] });
  const sort = parsed.value.sort.length > 0 ? parsed.value.sort : (SORTS[c.sort] ?? []);
  return ok({ words: parsed.value.words, filters, sort });
}

export const typeShortName = (app: App, type: number): string => documentTypeRule(CHILE, type)?.shortName[app.locale] ?? String(type);

export const statusChip = (app: App, status: PaymentStatus) =>
  h('span', { class: `chip chip-${status}`, 'data-testid': 'status-chip', 'data-status': status }, PAYMENT_STATUS_LABELS[status][app.locale]);

function documentRow(app: App, view: InvoiceView) {
  const key = documentKey(view);
  const open = () => app.show({ name: 'detail', key });
  return h(
    'li',
    { class: `doc doc-${view.paymentStatus}`, 'data-testid': 'doc-row', 'data-key': key, tabindex: 0, role: 'button', onclick: open, onkeydown: (e: KeyboardEvent) => e.key === 'Enter' && open() },
    h('div', { class: 'doc-top' }, h('span', { class: 'doc-key' }, `${typeShortName(app, view.type)} ${view.number}`), statusChip(app, view.paymentStatus)),
    h('div', { class: 'doc-customer' }, view.customerName),
    h(
      'div',
      { class: 'doc-bottom' },
      h('span', {}, formatDateCl(view.issueDate)),
      h('span', { class: 'amount' }, formatMoney(view.total, view.currency)),
      view.balance > 0 && view.paymentStatus !== 'pagada' ? h('span', { class: 'amount doc-balance' }, `${app.t.balanceLabel} ${formatMoney(view.balance, view.currency)}`) : null,
    ),
  );
}

/**
 * The matches of one query, put in order only as far as the list has been scrolled: the first
 * pass keeps the first rows and adds up the totals of every match; scrolling past them orders more.
 */
class QueryWindow {
  private page: QueryPage;

  constructor(
    private readonly views: readonly InvoiceView[],
    private readonly query: Query,
    private readonly promiseOf: PromiseLookup,
  ) {
    this.page = runQuery(views, query, { offset: 0, limit: FIRST_ROWS }, promiseOf);
  }

  get matched(): number {
    return this.page.matched;
  }

  get totals(): QueryPage['totals'] {
    return this.page.totals;
  }

  rowsBetween(start: number, end: number): readonly InvoiceView[] {
    if (end > this.page.items.length && this.page.items.length < this.page.matched) {
      this.page = runQuery(this.views, this.query, { offset: 0, limit: Math.max(end + FIRST_ROWS, this.page.items.length * 4) }, this.promiseOf);
    }
    return this.page.items.slice(start, end);
  }
}

/** Filters and sorts locally over the views loaded once: no server call per keystroke; only the visible rows are drawn. */
function renderResults(app: App, target: HTMLElement, scrollTop = 0): void {
  const t = app.t;
  const ledger = app.ledger;
  const query = composeQuery(app);
  if (!query.ok) {
    replaceChildren(target, h('div', { class: 'notice notice-error', 'data-testid': 'query-error' }, app.issueText(query.issues)));
    return;
  }
  const matches = new QueryWindow(ledger.views, query.value, app.data!.promiseOf);
  const totals = matches.totals.map((total) =>
    h('div', { class: 'totals-line' }, h('span', {}, `${t.totalLabel} ${formatMoney(total.total, total.currency)}`), h('span', {}, `${t.balanceLabel} ${formatMoney(total.balance, total.currency)}`)),
  );
  replaceChildren(
    target,
    h('div', { class: 'totals', 'data-testid': 'totals' }, h('div', { 'data-testid': 'shown-count' }, t.shown(matches.matched, ledger.views.length)), totals),
    matches.matched === 0
      ? h('p', { class: 'empty' }, t.none)
      : windowedList({
          count: matches.matched,
          rowHeight: ROW_HEIGHT,
          rowsBetween: (start, end) => matches.rowsBetween(start, end),
          renderRow: (view) => documentRow(app, view),
          scrollTop,
          onScroll: (top) => (app.listScrollTop = top),
          attributes: { class: 'docs', 'data-testid': 'doc-list', 'aria-label': t.shown(matches.matched, ledger.views.length) },
        }),
  );
}

export function listView(app: App): HTMLElement {
  const t = app.t;
  const c = app.controls;
  const results = h('div', { class: 'results' });
  const update = (field: keyof typeof c) => (event: Event) => {
    c[field] = (event.target as HTMLInputElement).value;
    app.listScrollTop = 0;
    renderResults(app, results);
  };
  const customers = customerNames(app);
  const help = queryHelpView(app.locale, { hidden: true, 'data-testid': 'query-help' });
  const activeFilters = [c.from, c.to, c.customer, c.status, c.origin].filter(Boolean).length;
  const panel = h(
    'section',
    { class: 'list' },
    h(
      'div',
      { class: 'search' },
      h('input', { type: 'search', placeholder: t.search, 'aria-label': t.search, value: c.text, 'data-testid': 'query', oninput: update('text') }),
      h('button', { type: 'button', class: 'icon', 'data-testid': 'query-help-toggle', title: t.searchHelp, 'aria-label': t.searchHelp, onclick: () => (help.hidden = !help.hidden) }, '?'),
    ),
    help,
    h(
      'details',
      { class: 'filters', open: activeFilters > 0 || undefined },
      h('summary', {}, activeFilters > 0 ? `${t.filters} (${activeFilters})` : t.filters),
      h(
        'div',
        { class: 'pair-inputs' },
        h('label', {}, t.from, h('input', { type: 'date', value: c.from, 'data-testid': 'filter-from', onchange: update('from') })),
        h('label', {}, t.to, h('input', { type: 'date', value: c.to, 'data-testid': 'filter-to', onchange: update('to') })),
      ),
      h('label', {}, t.customer, h('input', { type: 'text', list: 'customer-names', value: c.customer, 'data-testid': 'filter-customer', oninput: update('customer') })),
      h(
        'datalist',
        { id: 'customer-names' },
        customers.map((name) => h('option', { value: name })),
      ),
      h(
        'label',
        {},
        t.status,
        h(
          'select',
          { 'data-testid': 'filter-status', onchange: update('status') },
          h('option', { value: '' }, t.any),
          PAYMENT_STATUSES.map((s) => h('option', { value: s, selected: c.status === s }, PAYMENT_STATUS_LABELS[s][app.locale])),
        ),
      ),
      h(
        'label',
        {},
        t.origin,
        h(
          'select',
          { 'data-testid': 'filter-origin', onchange: update('origin') },
          h('option', { value: '' }, t.any),
          ORIGINS.map((o) => h('option', { value: o, selected: c.origin === o }, ORIGIN_LABELS[o][app.locale])),
        ),
      ),
    ),
    h(
      'label',
      { class: 'sort' },
      t.sort,
      h(
        'select',
        { 'data-testid': 'sort', onchange: update('sort') },
        (
          [
            ['', t.sortNewest],
            ['oldest', t.sortOldest],
            ['due', t.sortDue],
            ['total', t.sortTotal],
            ['balance', t.sortBalance],
            ['customer', t.sortCustomer],
            ['folio', t.sortFolio],
            ['days', t.sortDays],
          ] as const
        ).map(([value, label]) => h('option', { value, selected: c.sort === value }, label)),
      ),
    ),
    results,
  );
  renderResults(app, results, app.listScrollTop);
  return panel;
}

// Sorting thousands of names for the datalist on every draw was slow: once per book.
const namesOfBook = new WeakMap<object, readonly string[]>();
function customerNames(app: App): readonly string[] {
  const book = app.data!.book;
  let names = namesOfBook.get(book.documents);
  if (!names) {
    names = [...new Set(book.documents.map((d) => d.customerName))].sort((a, b) => a.localeCompare(b));
    namesOfBook.set(book.documents, names);
  }
  return names;
}
