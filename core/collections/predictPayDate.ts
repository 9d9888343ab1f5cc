import type { IsoDate } from '../model';
import { addDays, daysBetween } from '../dates/isoDate';
import type { Settlement } from './settlements';

/** How many of a customer's latest payoffs speak for its habits; older ones matter less than a new payment policy. */
const RECENT_PAYOFFS = 12;

export interface PayHabit {
  /** Median days after the due date the customer paid off its recent invoices (negative: early). */
  readonly medianDaysLate: number;
  readonly basedOn: number;
}

export interface PayDatePredictor {
  /** The customer's habit from invoices paid off before `before`; null without history. */
  habitOf(customerTaxId: string, before: IsoDate): PayHabit | null;
  /**
   * When an open invoice will likely be paid: its due date moved by the customer's usual
   * lateness, never before `asOf` (what is still owed is not paid in the past); the due date
   * for customers without history.
   */
  predict(customerTaxId: string, dueDate: IsoDate, asOf: IsoDate): IsoDate;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
};

/** Predictions from each customer's own payment history; the settlements are computed once. */
export function payDatePredictor(history: readonly Settlement[]): PayDatePredictor {
  const byCustomer = new Map<string, { settledOn: IsoDate; daysLate: number }[]>();
  for (const s of history) {
    if (s.settledOn === null) continue;
    const list = byCustomer.get(s.document.customerTaxId) ?? [];
    list.push({ settledOn: s.settledOn, daysLate: daysBetween(s.dueDate, s.settledOn) });
    byCustomer.set(s.document.customerTaxId, list);
  }
  for (const list of byCustomer.values()) list.sort((a, b) => (a.settledOn < b.settledOn ? -1 : a.settledOn > b.settledOn ? 1 : 0));
  const habitOf = (taxId: string, before: IsoDate): PayHabit | null => {
    const list = byCustomer.get(taxId);
    if (!list) return null;
    // Sorted by date: the payoffs before `before` are a prefix.
    let end = 0;
    while (end < list.length && list[end]!.settledOn < before) end++;
    if (end === 0) return null;
    const recent = list.slice(Math.max(0, end - RECENT_PAYOFFS), end).map((p) => p.daysLate);
    return { medianDaysLate: median(recent), basedOn: recent.length };
  };
  return {
    habitOf,
    predict(taxId, dueDate, asOf) {
      const habit = habitOf(taxId, addDays(asOf, 1));
      const predicted = habit ? addDays(dueDate, habit.medianDaysLate) : dueDate;
      return predicted < asOf ? asOf : predicted;
    },
  };
}

export interface BacktestResult {
  readonly invoices: number;
  /** Mean absolute error in days of the customer-history prediction. */
  readonly meanAbsoluteError: number;
  /** Same for "pays on the due date". */
  readonly naiveMeanAbsoluteError: number;
}

/** Predicts each paid-off invoice as of its issue date from the payoffs before it, against the day it was paid. */
export function backtestPayDates(history: readonly Settlement[]): BacktestResult {
  const predictor = payDatePredictor(history);
  let count = 0;
  let error = 0;
  let naiveError = 0;
  for (const s of history) {
    if (s.settledOn === null) continue;
    const habit = predictor.habitOf(s.document.customerTaxId, s.document.issueDate);
    const predicted = habit ? addDays(s.dueDate, habit.medianDaysLate) : s.dueDate;
    error += Math.abs(daysBetween(predicted, s.settledOn));
    naiveError += Math.abs(daysBetween(s.dueDate, s.settledOn));
    count++;
  }
  const round = (n: number): number => Math.round(n * 10) / 10;
  return { invoices: count, meanAbsoluteError: count ? round(error / count) : 0, naiveMeanAbsoluteError: count ? round(naiveError / count) : 0 };
}
