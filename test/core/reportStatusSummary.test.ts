import { CHILE, agingReport, agingTable, buildLedger, statusSummary, statusSummaryTable } from '../../core';
import { AGING_AS_OF, agingBook } from './reportFixtures';

describe('statusSummary', () => {
  const summary = statusSummary(buildLedger(agingBook(), AGING_AS_OF, CHILE), CHILE);

  it('counts invoices per status; notes fold into their invoice and later documents do not exist yet', () => {
    expect(summary.lines).toEqual([
      { status: 'pendiente', count: 1, total: 1190, balance: 1190 },
      { status: 'parcial', count: 1, total: 119000, balance: 100000 },
      // Acme 2..8 (41.650 owed in full) and Beta 2002 (59.500 less a 11.900 credit note)
      { status: 'vencida', count: 8, total: 101150, balance: 89250 },
      { status: 'pagada', count: 1, total: 11900, balance: 0 },
      { status: 'anulada', count: 1, total: 11900, balance: 0 },
    ]);
    expect(summary.totals).toEqual({ count: 12, total: 245140, balance: 190440 });
    expect(summary.otherCurrencyCount).toBe(0);
  });

  it('shows every status even with no documents', () => {
    const empty = statusSummary(buildLedger({ ...agingBook(), documents: [] }, AGING_AS_OF, CHILE), CHILE);
    expect(empty.lines.map((l) => [l.status, l.count])).toEqual([
      ['pendiente', 0],
      ['parcial', 0],
      ['vencida', 0],
      ['pagada', 0],
      ['anulada', 0],
    ]);
    expect(empty.totals).toEqual({ count: 0, total: 0, balance: 0 });
  });
});

describe('documents in another currency', () => {
  it('are left out of the sums and named in the table subtitle', () => {
    const book = agingBook();
    const inDollars = { ...book, documents: book.documents.map((doc) => (doc.number === 2001 ? { ...doc, currency: 'USD' } : doc)) };
    const summary = statusSummary(buildLedger(inDollars, AGING_AS_OF, CHILE), CHILE);
    expect(summary.otherCurrencyCount).toBe(1);
    expect(summary.lines.find((l) => l.status === 'parcial')).toEqual({ status: 'parcial', count: 0, total: 0, balance: 0 });
    expect(statusSummaryTable(summary).subtitle).toBe('al 31-12-2026 (1 documento en otra moneda que CLP no incluido)');
    const aging = agingReport(buildLedger(inDollars, AGING_AS_OF, CHILE), CHILE);
    expect(aging.totals.notDue).toBe(1190);
    expect(agingTable(aging, 'en').subtitle).toBe('as of 31-12-2026 (1 document in a currency other than CLP left out)');
  });
});
