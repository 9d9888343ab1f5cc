import {
  type AgingReport,
  type LibroDeVentas,
  type ReportTable,
  type StatusSummary,
  AGING_BUCKETS,
  AGING_BUCKET_LABELS,
  CHILE,
  agingReport,
  agingTable,
  documentTypeRule,
  formatMoney,
  formatReportCell,
  isRightAligned,
  libroDeVentas,
  libroDeVentasDocDefinition,
  libroDeVentasTable,
  renderCsv,
  statusSummary,
  statusSummaryTable,
  LIBRO_LABELS,
} from '../../core';
import type { App } from './app';
import { kpisCard } from './collectionsView';
import { remindersCard } from './remindersView';
import { h, saveBlob } from './dom';
import { reportPdf } from './pdf';
import { callServer } from './serverClient';

// The sidebar is 300 px wide: each report gets a layout made for one narrow column (its totals
// first, readable at a glance), and the wide per-customer or per-document tables sit behind a
// disclosure in their own scrolling box, first column pinned, so the page never scrolls sideways.

let period = '';
/** Disclosures the user opened stay open when the view is drawn again (language, period, new data). */
const openDisclosures = new Set<string>();

function disclosure(id: string, summary: string, content: HTMLElement): HTMLElement {
  const toggled = (event: Event) => {
    if ((event.target as HTMLDetailsElement).open) openDisclosures.add(id);
    else openDisclosures.delete(id);
  };
  return h('details', { open: openDisclosures.has(id) || undefined, 'data-disclosure': id, ontoggle: toggled }, h('summary', {}, summary), content);
}

const heading = (table: ReportTable) => [h('h3', {}, table.title), h('p', { class: 'subtitle' }, table.subtitle)];

/** A value over a smaller, muted second value: the summary's balance over its total. */
const stacked = (main: string, sub: string) => [h('span', { class: 'main' }, main), h('span', { class: 'sub' }, sub)];

/** Status · documents · balance, the total of each status under its balance. */
function statusSummaryReport(summary: StatusSummary, table: ReportTable): HTMLElement {
  const money = (amount: number) => formatMoney(amount, summary.currency);
  const [status, documents, total, balance] = table.columns.map((c) => c.header);
  return h(
    'div',
    { class: 'report', 'data-testid': 'report-status' },
    heading(table),
    h(
      'table',
      { class: 'summary' },
      h('thead', {}, h('tr', {}, h('th', {}, status), h('th', { class: 'num' }, documents), h('th', { class: 'num stack' }, stacked(balance!, total!)))),
      h(
        'tbody',
        {},
        summary.lines.map((line, i) =>
          h(
            'tr',
            { 'data-status': line.status },
            h('td', {}, h('span', { class: `dot dot-${line.status}`, 'aria-hidden': 'true' }), String(table.rows[i]![0])),
            h('td', { class: 'num' }, formatReportCell('count', line.count, summary.currency)),
            h('td', { class: 'num stack' }, stacked(money(line.balance), money(line.total))),
          ),
        ),
      ),
      h(
        'tfoot',
        {},
        h(
          'tr',
          {},
          h('th', {}, String(table.footer[0]![0])),
          h('th', { class: 'num' }, formatReportCell('count', summary.totals.count, summary.currency)),
          h('th', { class: 'num stack' }, stacked(money(summary.totals.balance), money(summary.totals.total))),
        ),
      ),
    ),
  );
}

/** A wide table in its own horizontally (and, when `tall`, vertically) scrolling box, first column pinned. */
function scrollTable(
  label: string,
  headers: readonly { readonly text: string; readonly numeric: boolean }[],
  rows: readonly { readonly cells: readonly (string | HTMLElement)[]; readonly className?: string }[],
  footer: readonly (readonly (string | HTMLElement)[])[],
  tall = false,
): HTMLElement {
  const align = (i: number) => (headers[i]?.numeric ? 'num' : '');
  return h(
    'div',
    { class: `hscroll${tall ? ' tall' : ''}`, 'data-scroll-box': '', tabindex: 0, role: 'region', 'aria-label': label },
    h(
      'table',
      { class: 'wide' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map((c) => h('th', { class: c.numeric ? 'num' : '' }, c.text)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            row.className ? { class: row.className } : {},
            row.cells.map((cell, i) => h('td', { class: align(i) }, cell)),
          ),
        ),
      ),
      footer.length > 0
        ? h(
            'tfoot',
            {},
            footer.map((row) =>
              h(
                'tr',
                {},
                row.map((cell, i) => h('th', { class: align(i) }, cell)),
              ),
            ),
          )
        : null,
    ),
  );
}

/** A customer's name over its RUT, for the pinned first column. */
const customerCell = (name: string, taxId: string) => h('div', { class: 'who' }, h('span', { class: 'name', title: name }, name), taxId ? h('span', { class: 'sub' }, taxId) : null);

/** One line per age range with a bar for its share, the total under them; customers one click away. */
function agingReportView(app: App, aging: AgingReport, table: ReportTable): HTMLElement {
  const money = (amount: number) => formatMoney(amount, aging.currency);
  const share = (amount: number) => (aging.totals.total > 0 ? Math.max(0, Math.min(100, (amount / aging.totals.total) * 100)) : 0);
  const totalHeader = table.columns[table.columns.length - 1]!.header;
  return h(
    'div',
    { class: 'report', 'data-testid': 'report-aging' },
    heading(table),
    h(
      'ul',
      { class: 'buckets' },
      AGING_BUCKETS.map((bucket) =>
        h(
          'li',
          { class: `bucket bucket-${bucket}`, 'data-bucket': bucket },
          h('span', { class: 'label' }, AGING_BUCKET_LABELS[bucket][app.locale]),
          h('span', { class: 'num' }, money(aging.totals[bucket])),
          h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${share(aging.totals[bucket]).toFixed(1)}%` })),
        ),
      ),
      h('li', { class: 'bucket total' }, h('span', { class: 'label' }, totalHeader), h('span', { class: 'num' }, money(aging.totals.total))),
    ),
    aging.customers.length > 0
      ? disclosure(
          'aging-customers',
          app.t.showCustomers(aging.customers.length),
          scrollTable(
            app.t.showCustomers(aging.customers.length),
            [{ text: table.columns[1]!.header, numeric: false }, ...table.columns.slice(2).map((c) => ({ text: c.header, numeric: true }))],
            aging.customers.map((c) => ({ cells: [customerCell(c.customerName, c.customerTaxId), ...AGING_BUCKETS.map((b) => (c[b] === 0 ? '—' : money(c[b]))), money(c.total)] })),
            [[totalHeader, ...AGING_BUCKETS.map((b) => money(aging.totals[b])), money(aging.totals.total)]],
          ),
        )
      : null,
  );
}

/** The sales book: a short block per document type and the grand total; every document one click away. */
function libroReport(app: App, libro: LibroDeVentas, table: ReportTable): HTMLElement {
  const money = (amount: number) => formatMoney(amount, table.currency);
  const header = (i: number) => table.columns[i]!.header;
  const amounts = (a: { exempt: number; net: number; tax: number }) =>
    h(
      'dl',
      { class: 'amounts3' },
      (
        [
          [header(5), a.exempt],
          [header(6), a.net],
          [header(7), a.tax],
        ] as const
      ).map(([label, amount]) => h('div', {}, h('dt', {}, label), h('dd', {}, money(amount)))),
    );
  // The grand total's remark goes on a line of its own.
  const { grandTotal: grandName, grandTotalNote: grandNote } = LIBRO_LABELS[app.locale];
  const documents = table.rows.length;
  return h(
    'div',
    { class: 'report', 'data-testid': 'report-libro' },
    h('p', { class: 'subtitle' }, table.subtitle),
    documents === 0
      ? h('p', { class: 'empty' }, app.t.noDocumentsInPeriod)
      : h(
          'ul',
          { class: 'type-totals' },
          libro.totals.map((total) =>
            h(
              'li',
              { 'data-type': total.type },
              h('div', { class: 'line' }, h('span', { class: 'name' }, documentTypeRule(CHILE, total.type)?.name[app.locale] ?? String(total.type)), h('span', { class: 'num' }, money(total.total))),
              h('div', { class: 'count' }, app.t.documentCount(total.count, total.voidCount)),
              amounts(total),
            ),
          ),
          h(
            'li',
            { class: 'grand' },
            h('div', { class: 'line' }, h('span', { class: 'name' }, grandName), h('span', { class: 'num' }, money(libro.grandTotal.total))),
            grandNote ? h('div', { class: 'count' }, grandNote) : null,
            amounts(libro.grandTotal),
          ),
        ),
    documents > 0
      ? disclosure(
          'libro-documents',
          app.t.showDocuments(documents),
          scrollTable(
            app.t.showDocuments(documents),
            [
              { text: `${header(0)}-${header(1)}`, numeric: false },
              { text: header(4), numeric: false },
              ...[5, 6, 7, 8].map((i) => ({ text: header(i), numeric: isRightAligned(table.columns[i]!.kind) })),
            ],
            table.rows.map((row) => ({
              className: row[9] ? 'void' : undefined,
              cells: [
                h(
                  'div',
                  { class: 'who' },
                  h('span', { class: 'key' }, `${row[0]}-${row[1]}`),
                  h('span', { class: 'sub' }, formatReportCell('date', row[2] ?? null, table.currency)),
                  row[9] ? h('span', { class: 'sub void-mark' }, String(row[9])) : null,
                ),
                customerCell(String(row[4] ?? ''), String(row[3] ?? '')),
                ...[5, 6, 7, 8].map((i) => formatReportCell('money', row[i] ?? null, table.currency)),
              ],
            })),
            [],
            true,
          ),
        )
      : null,
  );
}

export function reportsView(app: App): HTMLElement {
  const t = app.t;
  const load = app.load;
  const ledger = app.ledger;
  if (period === '') period = load.today.slice(0, 7);
  const libro = libroDeVentas(app.data!.book, period, CHILE);
  const libroTable = libro.ok ? libroDeVentasTable(libro.value, app.locale, CHILE) : null;
  const summary = statusSummary(ledger, CHILE);
  const aging = agingReport(ledger, CHILE);

  const createSheet = () =>
    app.run(async () => {
      const answer = await callServer('createReportSheet', { report: 'libro-ventas', period, locale: app.locale });
      app.notice = answer.ok ? { kind: 'ok', text: t.sheetCreated(answer.sheetName) } : { kind: 'error', text: app.issueText(answer.issues) };
    });

  return h(
    'section',
    { class: 'reports' },
    statusSummaryReport(summary, statusSummaryTable(summary, app.locale)),
    agingReportView(app, aging, agingTable(aging, app.locale)),
    kpisCard(app, period),
    remindersCard(app),
    h(
      'div',
      { class: 'libro' },
      h('h3', {}, libroTable?.title ?? t.libro),
      h(
        'div',
        { class: 'libro-controls' },
        h(
          'label',
          {},
          t.month,
          h('input', {
            type: 'month',
            value: period,
            'data-testid': 'libro-period',
            onchange: (e: Event) => {
              period = (e.target as HTMLInputElement).value;
              app.render();
            },
          }),
        ),
        libro.ok && libroTable
          ? h(
              'div',
              { class: 'actions' },
              h(
                'button',
                {
                  type: 'button',
                  'data-testid': 'libro-csv',
                  title: t.downloadCsv,
                  onclick: () => saveBlob(new Blob([renderCsv(libroTable)], { type: 'text/csv;charset=utf-8' }), `libro-de-ventas-${period}.csv`),
                },
                '↓ CSV',
              ),
              h(
                'button',
                {
                  type: 'button',
                  'data-testid': 'libro-pdf',
                  title: t.downloadPdf,
                  onclick: () => reportPdf(libroDeVentasDocDefinition(libro.value, app.locale, CHILE)).download(`libro-de-ventas-${period}.pdf`),
                },
                '↓ PDF',
              ),
              load.canCreateSheets ? h('button', { type: 'button', disabled: app.busy, 'data-testid': 'libro-sheet', onclick: createSheet }, t.createSheet) : null,
            )
          : null,
      ),
      libro.ok && libroTable ? libroReport(app, libro.value, libroTable) : h('div', { class: 'notice notice-error' }, libro.ok ? '' : app.issueText(libro.issues)),
    ),
  );
}
