import { CHILE, agingReport, libroDeVentas, type AgingCustomer, type AgingDocument, type AgingReport, type LibroDeVentas, type LibroRow, type LibroTypeTotal } from '../../core';
import type { Fixture } from './fixture';
import { assertSame, row, timePair, type BenchRow } from './measure';
import type { SqlitePeer } from './sqlitePeer';

/** Ageing as one would write it in SQL: sums per customer and bucket, then the owed documents in report order. */
function sqliteAging(peer: SqlitePeer, asOf: string, currency: string): AgingReport {
  const where = `kind = 'invoice' AND payment_status <> 'anulada' AND balance > 0 AND issue_date <= ? AND currency = ?`;
  const customers = peer.db.prepare(`SELECT customer_tax_id AS customerTaxId, MIN(customer_name) AS customerName,
      SUM(CASE WHEN days_overdue <= 0 THEN balance ELSE 0 END) AS notDue,
      SUM(CASE WHEN days_overdue BETWEEN 1 AND 30 THEN balance ELSE 0 END) AS days1to30,
      SUM(CASE WHEN days_overdue BETWEEN 31 AND 60 THEN balance ELSE 0 END) AS days31to60,
      SUM(CASE WHEN days_overdue BETWEEN 61 AND 90 THEN balance ELSE 0 END) AS days61to90,
      SUM(CASE WHEN days_overdue > 90 THEN balance ELSE 0 END) AS over90,
      SUM(balance) AS total
    FROM documents WHERE ${where} GROUP BY customer_tax_id ORDER BY total DESC, customerName`);
  const documents = peer.db.prepare(`SELECT customer_tax_id AS customerTaxId, type, number, issue_date AS issueDate, COALESCE(due_date, issue_date) AS dueDate,
      days_overdue AS daysOverdue,
      CASE WHEN days_overdue <= 0 THEN 'notDue' WHEN days_overdue <= 30 THEN 'days1to30' WHEN days_overdue <= 60 THEN 'days31to60' WHEN days_overdue <= 90 THEN 'days61to90' ELSE 'over90' END AS bucket,
      total, balance
    FROM documents WHERE ${where} ORDER BY customer_tax_id, days_overdue DESC, type, number`);
  const otherCurrency = peer.db.prepare(`SELECT COUNT(*) AS n FROM documents WHERE kind = 'invoice' AND payment_status <> 'anulada' AND balance > 0 AND issue_date <= ? AND currency <> ?`);
  const read = peer.db.transaction((): AgingReport => {
    const byCustomer = new Map<string, AgingDocument[]>();
    for (const { customerTaxId, ...d } of documents.all(asOf, currency) as (AgingDocument & { customerTaxId: string })[]) {
      let list = byCustomer.get(customerTaxId);
      if (!list) byCustomer.set(customerTaxId, (list = []));
      list.push(d);
    }
    const totals = { notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0, overdue: 0, documentCount: 0 };
    const rows = (customers.all(asOf, currency) as Omit<AgingCustomer, 'overdue' | 'documents' | 'overdueDocuments'>[]).map((c): AgingCustomer => {
      const docs = byCustomer.get(c.customerTaxId) ?? [];
      for (const key of ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90', 'total'] as const) totals[key] += c[key];
      totals.documentCount += docs.length;
      return { ...c, overdue: c.total - c.notDue, documents: docs, overdueDocuments: docs.filter((d) => d.daysOverdue > 0) };
    });
    totals.overdue = totals.total - totals.notDue;
    const { n } = otherCurrency.get(asOf, currency) as { n: number };
    return { asOf, currency, customers: rows, totals, otherCurrencyCount: n };
  });
  return read();
}

/** The Libro de Ventas in SQL: the month's documents in (type, folio) order, totals per type and the signed grand total. */
function sqliteLibro(peer: SqlitePeer, period: string): LibroDeVentas {
  const range = [`${period}-01`, `${period}-31`];
  const rows = peer.db.prepare(`SELECT type, number, issue_date AS date, customer_tax_id AS customerTaxId, customer_name AS customerName,
      CASE WHEN state = 'anulada' THEN 0 ELSE abs(exempt) END AS exempt, CASE WHEN state = 'anulada' THEN 0 ELSE abs(net) END AS net,
      CASE WHEN state = 'anulada' THEN 0 ELSE abs(tax) END AS tax, CASE WHEN state = 'anulada' THEN 0 ELSE abs(total) END AS total, state = 'anulada' AS void
    FROM documents WHERE issue_date BETWEEN ? AND ? ORDER BY type, number`);
  const totals = peer.db.prepare(`SELECT type, SUM(state <> 'anulada') AS count, SUM(state = 'anulada') AS voidCount,
      SUM(CASE WHEN state = 'anulada' THEN 0 ELSE abs(exempt) END) AS exempt, SUM(CASE WHEN state = 'anulada' THEN 0 ELSE abs(net) END) AS net,
      SUM(CASE WHEN state = 'anulada' THEN 0 ELSE abs(tax) END) AS tax, SUM(CASE WHEN state = 'anulada' THEN 0 ELSE abs(total) END) AS total, MIN(kind) AS kind
    FROM documents WHERE issue_date BETWEEN ? AND ? GROUP BY type ORDER BY type`);
  const read = peer.db.transaction((): LibroDeVentas => {
    const bookRows = (rows.all(...range) as (Omit<LibroRow, 'void'> & { void: number })[]).map((r): LibroRow => ({ ...r, otherTaxes: 0, void: r.void === 1 }));
    // The peer's table has no additional taxes: the bench workbook has none either.
    const grandTotal = { exempt: 0, net: 0, tax: 0, otherTaxes: 0, total: 0 };
    const typeTotals = (totals.all(...range) as (Omit<LibroTypeTotal, 'otherTaxes'> & { kind: string })[]).map(({ kind, ...rest }): LibroTypeTotal => {
      const t = { ...rest, otherTaxes: 0 };
      const sign = kind === 'credit-note' ? -1 : 1;
      grandTotal.exempt += sign * t.exempt;
      grandTotal.net += sign * t.net;
      grandTotal.tax += sign * t.tax;
      grandTotal.total += sign * t.total;
      return t;
    });
    return { period, rows: bookRows, totals: typeTotals, grandTotal };
  });
  return read();
}

export async function reportsBench(fixture: Fixture): Promise<BenchRow[]> {
  const peer = fixture.peer();
  const { ledger, read } = fixture;
  const { period } = fixture.workbook;
  const atTarget = fixture.size === 1_000_000;
  const options = { budgetMs: 6000, minRuns: fixture.size >= 1_000_000 ? 5 : 9 };

  const aging = agingReport(ledger, CHILE);
  assertSame(`ageing at ${fixture.size}`, aging, sqliteAging(peer, ledger.asOf, CHILE.defaultCurrency));
  const agingTimes = await timePair(() => agingReport(ledger, CHILE), () => sqliteAging(peer, ledger.asOf, CHILE.defaultCurrency), options);

  const libro = libroDeVentas(read.book, period, CHILE);
  if (!libro.ok) throw new Error('the bench period is not a period');
  assertSame(`Libro de Ventas at ${fixture.size}`, libro.value, sqliteLibro(peer, period));
  const libroTimes = await timePair(() => libroDeVentas(read.book, period, CHILE), () => sqliteLibro(peer, period), options);

  const target = atTarget ? 'ratio <= 1.0 and <= 500 ms' : null;
  return [
    row({
      group: 'reports', name: 'ageing (by customer and days past due)', size: fixture.size, oursMs: agingTimes.oursMs, peerMs: agingTimes.peerMs, peer: 'better-sqlite3',
      target, met: atTarget ? agingTimes.oursMs <= agingTimes.peerMs && agingTimes.oursMs <= 500 : null,
      detail: `${aging.totals.documentCount} owed documents, ${aging.customers.length} customers`,
    }),
    row({
      group: 'reports', name: `Libro de Ventas ${period}`, size: fixture.size, oursMs: libroTimes.oursMs, peerMs: libroTimes.peerMs, peer: 'better-sqlite3',
      target, met: atTarget ? libroTimes.oursMs <= libroTimes.peerMs && libroTimes.oursMs <= 500 : null,
      detail: `${libro.value.rows.length} rows`,
    }),
  ];
}
