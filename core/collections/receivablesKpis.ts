import type { Book, IsoDate, Minor } from '../model';
import { addDays, daysBetween } from '../dates/isoDate';
import { buildLedger } from '../ledger/buildLedger';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import { type PayDatePredictor, payDatePredictor } from './predictPayDate';
import { settlements } from './settlements';

export interface CustomerDaysToPay {
  readonly customerTaxId: string;
  readonly customerName: string;
  /** Invoices paid off by the period's end that the average is over. */
  readonly invoices: number;
  /** Mean days from issue to payoff, one decimal. */
  readonly days: number;
}

export interface TopDebtor {
  readonly customerTaxId: string;
  readonly customerName: string;
  readonly balance: Minor;
  readonly overdue: Minor;
  /** When its largest open invoice will likely be paid, from its own history. */
  readonly predictedPayDate: IsoDate | null;
}

export interface ReceivablesKpis {
  readonly period: string;
  readonly currency: string;
  /** The period's first and last day. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly sales: Minor;
  /** At the end of the day before `from`. */
  readonly receivablesAtStart: Minor;
  readonly receivables: Minor;
  readonly currentReceivables: Minor;
  /** Days sales outstanding by the countback method, one decimal; null when no month had sales. */
  readonly dso: number | null;
  /** Collection effectiveness index in percent, one decimal; null when there was nothing to collect. */
  readonly cei: number | null;
  /** Percent of receivables more than 90 days past due, one decimal. */
  readonly over90Share: number;
  readonly averageDaysToPay: readonly CustomerDaysToPay[];
  readonly topDebtors: readonly TopDebtor[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

const lastDayOf = (period: string): IsoDate => addDays(`${nextPeriod(period)}-01`, -1);
const nextPeriod = (period: string): string => {
  const [y, m] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
const previousPeriod = (period: string): string => {
  const [y, m] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
const daysIn = (period: string): number => daysBetween(`${period}-01`, `${nextPeriod(period)}-01`);

/** Totals of the non-void documents issued in each month, credit notes subtracted, by `YYYY-MM`. */
export function monthlySales(book: Book, profile: TaxProfile, currency: string): Map<string, Minor> {
  const sales = new Map<string, Minor>();
  for (const doc of book.documents) {
    if (doc.state === 'anulada' || doc.currency !== currency) continue;
    const sign = documentTypeRule(profile, doc.type)?.kind === 'credit-note' ? -1 : 1;
    const month = doc.issueDate.slice(0, 7);
    sales.set(month, (sales.get(month) ?? 0) + sign * doc.total);
  }
  return sales;
}

export interface ReceivablesAt {
  readonly total: Minor;
  readonly current: Minor;
  readonly over90: Minor;
  readonly byCustomer: ReadonlyMap<string, { name: string; balance: Minor; overdue: Minor; largestDue: IsoDate; largestBalance: Minor }>;
}

/** Positive balances of the documents issued by a date, as of that date. */
export function receivablesAt(book: Book, profile: TaxProfile, date: IsoDate, currency: string): ReceivablesAt {
  let total = 0;
  let current = 0;
  let over90 = 0;
  const byCustomer = new Map<string, { name: string; balance: Minor; overdue: Minor; largestDue: IsoDate; largestBalance: Minor }>();
  for (const view of buildLedger(book, date, profile).views) {
    if (view.kind !== 'invoice' || view.paymentStatus === 'anulada' || view.balance <= 0 || view.issueDate > date || view.currency !== currency) continue;
    total += view.balance;
    if (view.daysOverdue <= 0) current += view.balance;
    if (view.daysOverdue > 90) over90 += view.balance;
    const entry = byCustomer.get(view.customerTaxId) ?? { name: view.customerName, balance: 0, overdue: 0, largestDue: view.dueDate ?? view.issueDate, largestBalance: 0 };
    entry.balance += view.balance;
    if (view.daysOverdue > 0) entry.overdue += view.balance;
    if (view.balance > entry.largestBalance) {
      entry.largestBalance = view.balance;
      entry.largestDue = view.dueDate ?? view.issueDate;
    }
    byCustomer.set(view.customerTaxId, entry);
  }
  return { total, current, over90, byCustomer };
}

/**
 * DSO by countback: from the period's month backwards, each month's sales are taken from the
 * receivables at the period's end, counting that month's days, until what is left is less than a
 * month's sales, which counts that fraction of its days. Months without sales count whole; the
 * walk stops at the first month with documents.
 */
export function countbackDso(receivables: Minor, period: string, sales: ReadonlyMap<string, Minor>): number | null {
  const months = [...sales.keys()].sort();
  if (months.length === 0) return null;
  const earliest = months[0]!;
  let left = receivables;
  let days = 0;
  for (let month = period; month >= earliest; month = previousPeriod(month)) {
    const monthSales = sales.get(month) ?? 0;
    if (left <= 0) break;
    if (monthSales > 0 && left < monthSales) return round1(days + (left / monthSales) * daysIn(month));
    if (monthSales > 0) left -= monthSales;
    days += daysIn(month);
  }
  return round1(days);
}

export function receivablesKpis(book: Book, profile: TaxProfile, period: string, currency: string = profile.defaultCurrency, predictor?: PayDatePredictor): ReceivablesKpis {
  const from = `${period}-01`;
  const to = lastDayOf(period);
  const sales = monthlySales(book, profile, currency);
  const periodSales = sales.get(period) ?? 0;
  const start = receivablesAt(book, profile, addDays(from, -1), currency);
  const end = receivablesAt(book, profile, to, currency);
  const ceiBase = start.total + periodSales - end.current;
  const cei = ceiBase === 0 ? null : round1(((start.total + periodSales - end.total) / ceiBase) * 100);

  const history = settlements(book, profile, currency);
  const paidOff = new Map<string, { name: string; invoices: number; days: number }>();
  for (const s of history) {
    if (s.settledOn === null || s.settledOn > to) continue;
    const entry = paidOff.get(s.document.customerTaxId) ?? { name: s.document.customerName, invoices: 0, days: 0 };
    entry.invoices++;
    entry.days += daysBetween(s.document.issueDate, s.settledOn);
    paidOff.set(s.document.customerTaxId, entry);
  }
  const averageDaysToPay = [...paidOff.entries()]
    .map(([customerTaxId, e]) => ({ customerTaxId, customerName: e.name, invoices: e.invoices, days: round1(e.days / e.invoices) }))
    .sort((a, b) => b.days - a.days || a.customerName.localeCompare(b.customerName));

  const predict = predictor ?? payDatePredictor(history);
  const topDebtors = [...end.byCustomer.entries()]
    .sort(([, a], [, b]) => b.balance - a.balance || a.name.localeCompare(b.name))
    .slice(0, 5)
    .map(([customerTaxId, c]) => ({ customerTaxId, customerName: c.name, balance: c.balance, overdue: c.overdue, predictedPayDate: predict.predict(customerTaxId, c.largestDue, to) }));

  return {
    period,
    currency,
    from,
    to,
    sales: periodSales,
    receivablesAtStart: start.total,
    receivables: end.total,
    currentReceivables: end.current,
    dso: countbackDso(end.total, period, sales),
    cei,
    over90Share: end.total === 0 ? 0 : round1((end.over90 / end.total) * 100),
    averageDaysToPay,
    topDebtors,
  };
}
