import { CHILE, backtestPayDates, documentCollections, payDatePredictor, settlements, withPredictedPayDates, agingReport, buildLedger } from '../../core';
import { ACME, BETA, cleanRead } from './collectionsFixture';

/** Acme paid its last three invoices 4, 6 and 10 days late (median 6); Beta has never paid one off. */
const read = () =>
  cleanRead({
    invoices: [
      [33, 1, '2026-06-01', '2026-07-01', ACME, 'Acme Ltda', 11900],
      [33, 2, '2026-07-01', '2026-07-31', ACME, 'Acme Ltda', 11900],
      [33, 3, '2026-08-01', '2026-08-31', ACME, 'Acme Ltda', 11900],
      [33, 4, '2026-10-01', '2026-10-31', ACME, 'Acme Ltda', 23800],
      [33, 5, '2026-09-01', '2026-10-01', ACME, 'Acme Ltda', 11900],
      [33, 6, '2026-10-01', '2026-10-31', BETA, 'Beta SpA', 23800],
    ],
    payments: [
      ['2026-07-05', 33, 1, 11900],
      ['2026-08-02', 33, 2, 5000],
      ['2026-08-06', 33, 2, 6900],
      ['2026-09-10', 33, 3, 11900],
    ],
  });

describe('predicted pay date', () => {
  it("moves the due date by the customer's median lateness, never into the past, and falls back to the due date", () => {
    const predictor = payDatePredictor(settlements(read().book, CHILE));
    expect(predictor.habitOf(ACME, '2026-10-15')).toEqual({ medianDaysLate: 6, basedOn: 3 });
    expect(predictor.predict(ACME, '2026-10-31', '2026-10-15')).toBe('2026-11-06');
    // 33-5 was due on 1 October: six days later is already past on the 15th.
    expect(predictor.predict(ACME, '2026-10-01', '2026-10-15')).toBe('2026-10-15');
    expect(predictor.predict(BETA, '2026-10-31', '2026-10-15')).toBe('2026-10-31');
    // Only what was paid off before the date counts: on 1 August Acme had paid one invoice, 4 days late.
    expect(predictor.habitOf(ACME, '2026-08-01')).toEqual({ medianDaysLate: 4, basedOn: 1 });
  });

  it("shows in a document's detail and the ageing report", () => {
    const { book } = read();
    const view = buildLedger(book, '2026-10-15', CHILE).byKey(33, 4)!;
    expect(documentCollections(book, view, '2026-10-15', CHILE).predictedPayDate).toBe('2026-11-06');
    const aging = withPredictedPayDates(agingReport(buildLedger(book, '2026-10-15', CHILE), CHILE), book, CHILE);
    const acme = aging.customers.find((c) => c.customerTaxId === ACME)!;
    expect(acme.documents.map((d) => [d.number, d.predictedPayDate])).toEqual([
      [5, '2026-10-15'],
      [4, '2026-11-06'],
    ]);
    expect(acme.predictedPayDate).toBe('2026-11-06');
  });

  it('is backtested against "pays on the due date"', () => {
    // Each invoice is predicted on the day it was issued, from the payoffs before that day.
    // 33-1 and 33-2 (issued 1 July, before 33-1 was paid): no history, the due date: 4 and 6 days off.
    // 33-3 (issued 1 August): Acme's habit was +4 (33-1), paid +10: 6 off. Naive: 4, 6 and 10 days off.
    expect(backtestPayDates(settlements(read().book, CHILE))).toEqual({ invoices: 3, meanAbsoluteError: 5.3, naiveMeanAbsoluteError: 6.7 });
  });
});
