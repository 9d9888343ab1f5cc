import { CHILE, countbackDso, kpisTable, receivablesKpis, renderTextTable } from '../../core';
import { ACME, BETA, cleanRead } from './collectionsFixture';

/**
 * October 2026 worked out by hand.
 * Sales: June $11.900 (33-5), August $119.000 (33-1), September $238.000 (33-2),
 * October $357.000 (33-3) − $23.800 (credit note 61-1) = $333.200; the void 33-4 does not count.
 * Receivables on 30 September: 33-2 $238.000 + 33-5 $11.900 = $249.900 (33-1 was paid on 5 September).
 * Receivables on 31 October: 33-2 $238.000 − $100.000 − $23.800 = $114.200 (overdue since 10 October),
 * 33-3 $357.000 − $57.000 = $300.000 (due 4 November, current), 33-5 $11.900 (122 days overdue) = $426.100.
 * DSO: $426.100 − October's $333.200 = $92.900 left, 31 days; September's $238.000 is more than that,
 * so 92.900 / 238.000 × 30 = 11,71 days more: 42,7.
 * CEI: (249.900 + 333.200 − 426.100) / (249.900 + 333.200 − 300.000) = 157.000 / 283.100 = 55,5%.
 * Over 90 days: 11.900 / 426.100 = 2,8%.
 */
const book = () =>
  cleanRead({
    invoices: [
      [33, 5, '2026-06-01', '2026-07-01', ACME, 'Acme Ltda', 11900],
      [33, 1, '2026-08-10', '2026-09-09', ACME, 'Acme Ltda', 119000],
      [33, 2, '2026-09-10', '2026-10-10', BETA, 'Beta SpA', 238000],
      [33, 3, '2026-10-05', '2026-11-04', BETA, 'Beta SpA', 357000],
      [33, 4, '2026-10-06', '2026-11-05', BETA, 'Beta SpA', 119000, 'Anulada'],
      [61, 1, '2026-10-20', '2026-10-20', BETA, 'Beta SpA', 23800, 'Emitida', '33-2'],
    ],
    payments: [
      ['2026-09-05', 33, 1, 119000],
      ['2026-10-15', 33, 2, 100000],
      ['2026-10-25', 33, 3, 57000],
    ],
  }).book;

describe('receivables KPIs of one month', () => {
  it('match the figures worked out by hand', () => {
    const kpis = receivablesKpis(book(), CHILE, '2026-10');
    expect(kpis).toMatchObject({
      period: '2026-10',
      from: '2026-10-01',
      to: '2026-10-31',
      sales: 333200,
      receivablesAtStart: 249900,
      receivables: 426100,
      currentReceivables: 300000,
      dso: 42.7,
      cei: 55.5,
      over90Share: 2.8,
    });
    // Acme paid 33-1 26 days after issuing it; Beta has paid nothing off yet.
    expect(kpis.averageDaysToPay).toEqual([{ customerTaxId: ACME, customerName: 'Acme Ltda', invoices: 1, days: 26 }]);
    expect(kpis.topDebtors).toEqual([
      // No history: its largest open invoice (33-3) is predicted on its due date.
      { customerTaxId: BETA, customerName: 'Beta SpA', balance: 414200, overdue: 114200, predictedPayDate: '2026-11-04' },
      // Pays 4 days early, but 33-5 is long past that: predicted no earlier than the period's end.
      { customerTaxId: ACME, customerName: 'Acme Ltda', balance: 11900, overdue: 11900, predictedPayDate: '2026-10-31' },
    ]);
  });

  it('reads as the indicators table', () => {
    const text = renderTextTable(kpisTable(receivablesKpis(book(), CHILE, '2026-10'), 'es'));
    expect(text).toMatch(/DSO \(días, método countback\) +42,7/);
    expect(text).toMatch(/CEI \(eficacia de cobranza\) +55,5%/);
    expect(text).toMatch(/Ventas del período +\$333\.200/);
  });

  it('counts back whole months while receivables exceed their sales', () => {
    const sales = new Map([
      ['2026-08', 100],
      ['2026-09', 100],
      ['2026-10', 100],
    ]);
    expect(countbackDso(0, '2026-10', sales)).toBe(0);
    expect(countbackDso(50, '2026-10', sales)).toBe(15.5);
    expect(countbackDso(100, '2026-10', sales)).toBe(31);
    expect(countbackDso(150, '2026-10', sales)).toBe(46);
    // More than every month's sales: all the months there are.
    expect(countbackDso(1000, '2026-10', sales)).toBe(92);
    expect(countbackDso(10, '2026-10', new Map())).toBeNull();
  });
});
