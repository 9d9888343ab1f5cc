import {
  type ReportTable, CHILE, agingReport, agingTable, formatReportCell, isRightAligned, libroDeVentas, libroDeVentasDocDefinition, libroDeVentasTable,
  renderCsv, statusSummary, statusSummaryTable,
} from '../../core';
import type { App } from './app';
import { h, saveBlob } from './dom';
import { reportPdf } from './pdf';
import { callServer } from './serverClient';

let period = '';

/** A report as a table; long ones show their totals and keep the rows one click away, for a 300 px sidebar. */
function tableElement(table: ReportTable, testid: string, rowsLabel?: string): HTMLElement {
  const cells = (row: readonly (string | number | null)[], tag: 'td' | 'th') =>
    table.columns.map((column, i) => h(tag, { class: `${isRightAligned(column.kind) ? 'num' : ''} kind-${column.kind}` }, formatReportCell(column.kind, row[i] ?? null, table.currency)));
  const head = h('thead', {}, h('tr', {}, table.columns.map((c) => h('th', { class: isRightAligned(c.kind) ? 'num' : '' }, c.header))));
  if (rowsLabel !== undefined && table.rows.length > 0) {
    return h(
      'div',
      { class: 'report', 'data-testid': testid },
      h('h3', {}, table.title),
      h('p', { class: 'subtitle' }, table.subtitle),
      h('div', { class: 'scroll' }, h('table', { class: 'report-table' }, head, h('tbody', {}, table.footer.map((row) => h('tr', { class: 'total-row' }, cells(row, 'td')))))),
      h('details', {}, h('summary', {}, rowsLabel), h('div', { class: 'scroll' }, h('table', { class: 'report-table' }, head.cloneNode(true), h('tbody', {}, table.rows.map((row) => h('tr', {}, cells(row, 'td'))))))),
    );
  }
  return h(
    'div',
    { class: 'report', 'data-testid': testid },
    h('h3', {}, table.title),
    h('p', { class: 'subtitle' }, table.subtitle),
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { class: 'report-table' },
        h('thead', {}, h('tr', {}, table.columns.map((c) => h('th', { class: isRightAligned(c.kind) ? 'num' : '' }, c.header)))),
        h('tbody', {}, table.rows.map((row) => h('tr', {}, cells(row, 'td')))),
        h('tfoot', {}, table.footer.map((row) => h('tr', {}, cells(row, 'th')))),
      ),
    ),
  );
}

export function reportsView(app: App): HTMLElement {
  const t = app.t;
  const state = app.state!;
  const ledger = app.ledger!;
  if (period === '') period = state.today.slice(0, 7);
  const libro = libroDeVentas(state.book, period, CHILE);
  const libroTable = libro.ok ? libroDeVentasTable(libro.value, app.locale, CHILE) : null;
  const aging = agingReport(ledger, CHILE);

  const createSheet = () =>
    app.run(async () => {
      const answer = await callServer('createReportSheet', { report: 'libro-ventas', period, locale: app.locale });
      app.notice = answer.ok ? { kind: 'ok', text: t.sheetCreated(answer.sheetName) } : { kind: 'error', text: app.issueText(answer.issues) };
    });

  return h(
    'section',
    { class: 'reports' },
    tableElement(statusSummaryTable(statusSummary(ledger, CHILE), app.locale), 'report-status'),
    tableElement(agingTable(aging, app.locale), 'report-aging', t.showCustomers(aging.customers.length)),
    h(
      'div',
      { class: 'libro' },
      h('h3', {}, t.libro),
      h('label', {}, t.month, h('input', { type: 'month', value: period, 'data-testid': 'libro-period', onchange: (e: Event) => { period = (e.target as HTMLInputElement).value; app.render(); } })),
      libroTable
        ? h(
            'div',
            {},
            h(
              'div',
              { class: 'actions' },
              h('button', { type: 'button', 'data-testid': 'libro-csv', onclick: () => saveBlob(new Blob([renderCsv(libroTable)], { type: 'text/csv;charset=utf-8' }), `libro-de-ventas-${period}.csv`) }, t.downloadCsv),
              libro.ok ? h('button', { type: 'button', 'data-testid': 'libro-pdf', onclick: () => reportPdf(libroDeVentasDocDefinition(libro.value, app.locale, CHILE)).download(`libro-de-ventas-${period}.pdf`) }, 'PDF') : null,
              state.canCreateSheets ? h('button', { type: 'button', disabled: app.busy, 'data-testid': 'libro-sheet', onclick: createSheet }, t.createSheet) : null,
            ),
            tableElement(libroTable, 'report-libro', t.showDocuments(libroTable.rows.length)),
          )
        : h('div', { class: 'notice notice-error' }, libro.ok ? '' : app.issueText(libro.issues)),
    ),
  );
}
