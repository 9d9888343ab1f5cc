import { CHILE, backtestPayDates, receivablesKpis, settlements } from '../../core';
import type { Fixture } from './fixture';
import { row, timeAlone, type BenchRow } from './measure';

/**
 * Collections on the bench workbook: the predicted pay date backtested (each paid invoice predicted
 * on its issue day from the payoffs before it), its mean absolute error beside "pays on the due
 * date", and the month's KPIs. No peer computes these: the error figures are the comparison.
 */
export async function collectionsBench(fixture: Fixture): Promise<BenchRow[]> {
  const { book } = fixture.read;
  let result = backtestPayDates(settlements(book, CHILE));
  const backtest = await timeAlone(() => {
    result = backtestPayDates(settlements(book, CHILE));
  });
  const period = fixture.workbook.today.slice(0, 7);
  const kpis = await timeAlone(() => receivablesKpis(book, CHILE, period));
  return [
    row({
      group: 'collections',
      name: 'pay-date backtest',
      size: fixture.size,
      oursMs: backtest.ms,
      detail: `${result.invoices} paid invoices: mean absolute error ${result.meanAbsoluteError} days, naive (due date) ${result.naiveMeanAbsoluteError} days`,
    }),
    row({ group: 'collections', name: `KPIs ${period}`, size: fixture.size, oursMs: kpis.ms, detail: `${kpis.runs} runs` }),
  ];
}
