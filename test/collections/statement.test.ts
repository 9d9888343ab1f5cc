import { CHILE, buildLedger, customerStatement, renderTextTable, statementTable } from '../../core';
import { ACME, cleanRead } from './collectionsFixture';
import { STATEMENT_GESTIONES, STATEMENT_INVOICES, STATEMENT_PAYMENTS } from './statementFixture';

const book = () => cleanRead({ invoices: STATEMENT_INVOICES, payments: STATEMENT_PAYMENTS, gestiones: STATEMENT_GESTIONES }).book;

describe("a customer's statement", () => {
  it('has the opening, running and closing balances worked out by hand', () => {
    const statement = customerStatement(book(), CHILE, { customerTaxId: ACME, from: '2026-09-01', to: '2026-10-31' });
    // Before 1 September: invoice 33-10 ($119.000) less the payment of 30 August ($50.000).
    expect(statement.openingBalance).toBe(69000);
    expect(statement.movements).toEqual([
      { date: '2026-09-05', kind: 'invoice', type: 33, number: 11, amount: 238000, balance: 307000, detail: '' },
      { date: '2026-09-20', kind: 'credit-note', type: 61, number: 50, amount: -23800, balance: 283200, detail: '' },
      { date: '2026-09-25', kind: 'payment', type: 33, number: 11, amount: -100000, balance: 183200, detail: 'Transferencia TX-11' },
      { date: '2026-10-08', kind: 'debit-note', type: 56, number: 70, amount: 11900, balance: 195100, detail: '' },
      { date: '2026-10-10', kind: 'payment', type: 33, number: 10, amount: -80900, balance: 114200, detail: 'Transferencia TX-10' },
      { date: '2026-10-12', kind: 'invoice', type: 33, number: 13, amount: 35700, balance: 149900, detail: '' },
    ]);
    // 33-11: 238.000 − 23.800 − 100.000; 33-13: 35.700; 33-10 is paid off. The void 33-12 and its payment are left out.
    expect(statement.closingBalance).toBe(149900);
    // 33-11 was due on 5 October: 26 days late on the 31st; 33-13 is due on 11 November.
    expect(statement.aging).toEqual({ notDue: 35700, days1to30: 114200, days31to60: 0, days61to90: 0, over90: 0, total: 149900, overdue: 114200 });
    expect(statement.collectionLog.map((e) => e.id)).toEqual(['G-00002', 'G-00003']);
    expect(statement.customerName).toBe('Acme Ltda');
  });

  it('closes at what the ledger says the customer owes, on any date', () => {
    for (const to of ['2026-08-31', '2026-09-22', '2026-10-09', '2026-11-30']) {
      const owed = buildLedger(book(), to, CHILE)
        .views.filter((v) => v.customerTaxId === ACME && v.kind === 'invoice' && v.issueDate <= to)
        .reduce((sum, v) => sum + v.balance, 0);
      expect(customerStatement(book(), CHILE, { customerTaxId: ACME, from: '2026-08-01', to }).closingBalance).toBe(owed);
    }
  });

  it('starts by default at the oldest document still owed', () => {
    const statement = customerStatement(book(), CHILE, { customerTaxId: ACME, to: '2026-10-31' });
    expect(statement.from).toBe('2026-09-05');
    expect(statement.openingBalance).toBe(69000);
    expect(statement.movements[0]).toMatchObject({ type: 33, number: 11, balance: 307000 });
    const settled = customerStatement(book(), CHILE, { customerTaxId: ACME, to: '2026-11-05' });
    expect(settled.from).toBe('2026-09-05');
    expect(customerStatement(book(), CHILE, { customerTaxId: ACME, to: '2026-08-09' }).from).toBe('2026-08-01');
  });

  it('reads as a table with the opening and closing lines', () => {
    const text = renderTextTable(statementTable(customerStatement(book(), CHILE, { customerTaxId: ACME, from: '2026-09-01', to: '2026-10-31' }), CHILE, 'es'));
    const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    expect(lines).toContain('31-08-2026 Saldo anterior $69.000');
    expect(lines).toContain('20-09-2026 Nota de crédito electrónica 61-50 $23.800 $283.200');
    expect(lines).toContain('25-09-2026 Pago a 33-11 (Transferencia TX-11) $100.000 $183.200');
    expect(lines).toContain('31-10-2026 Saldo final $285.600 $204.700 $149.900');
  });
});
