import { CHILE, agingBucket, agingReport, buildLedger } from '../../core';
import { AGING_AS_OF, agingBook } from './reportFixtures';

describe('agingBucket', () => {
  it.each([
    [-10, 'notDue'],
    [0, 'notDue'],
    [1, 'days1to30'],
    [30, 'days1to30'],
    [31, 'days31to60'],
    [60, 'days31to60'],
    [61, 'days61to90'],
    [90, 'days61to90'],
    [91, 'over90'],
    [400, 'over90'],
  ])('puts %i days past due in %s', (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket);
  });
});

describe('agingReport', () => {
  const report = agingReport(buildLedger(agingBook(), AGING_AS_OF, CHILE), CHILE);

  it('puts each boundary day of one customer in its bucket', () => {
    const acme = report.customers.find((c) => c.customerName === 'Acme Ltda')!;
    // 0 days: 1.190 | 1 and 30: 2.380 + 3.570 | 31 and 60: 4.760 + 5.950 | 61 and 90: 7.140 + 8.330 | 91: 9.520
    expect(acme).toMatchObject({ notDue: 1190, days1to30: 5950, days31to60: 10710, days61to90: 15470, over90: 9520, total: 42840, overdue: 41650 });
    expect(acme.documents.map((d) => [d.number, d.daysOverdue, d.bucket])).toEqual([
      [8, 91, 'over90'],
      [7, 90, 'days61to90'],
      [6, 61, 'days61to90'],
      [5, 60, 'days31to60'],
      [4, 31, 'days31to60'],
      [3, 30, 'days1to30'],
      [2, 1, 'days1to30'],
      [1, 0, 'notDue'],
    ]);
    expect(acme.overdueDocuments.map((d) => d.number)).toEqual([8, 7, 6, 5, 4, 3, 2]);
  });

  it('groups a customer whose RUT is written with or without dots', () => {
    expect(report.customers.filter((c) => c.customerName === 'Acme Ltda')).toHaveLength(1);
  });

  it('leaves out paid, void and not-yet-issued documents, and nets payments and credit notes', () => {
    const beta = report.customers.find((c) => c.customerName === 'Beta SpA')!;
    expect(beta).toMatchObject({ customerTaxId: '96.500.300-2', notDue: 100000, days1to30: 0, days31to60: 47600, days61to90: 0, over90: 0, total: 147600, overdue: 47600 });
    expect(beta.overdueDocuments).toEqual([{ type: 33, number: 2002, issueDate: '2026-10-15', dueDate: '2026-11-15', daysOverdue: 46, bucket: 'days31to60', total: 59500, balance: 47600 }]);
    expect(beta.documents.map((d) => d.number)).toEqual([2002, 2001]);
  });

  it('lists the largest debtor first and totals every bucket', () => {
    expect(report.customers.map((c) => c.customerName)).toEqual(['Beta SpA', 'Acme Ltda']);
    expect(report.totals).toEqual({ notDue: 101190, days1to30: 5950, days31to60: 58310, days61to90: 15470, over90: 9520, total: 190440, overdue: 89250, documentCount: 10 });
    expect(report.asOf).toBe('2026-12-31');
  });

  it('owes nothing on a day when everything is paid', () => {
    const empty = agingReport(buildLedger({ ...agingBook(), documents: [] }, AGING_AS_OF, CHILE), CHILE);
    expect(empty.customers).toEqual([]);
    expect(empty.totals.total).toBe(0);
  });
});
