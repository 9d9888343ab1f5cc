import { CHILE, PAYMENT_STATUSES, buildLedger, parseRut, readWorkbook } from '../../core';
import { DEMO_CUSTOMERS, DEMO_ISSUER, demoWorkbook } from '../../core/demo';
import { generateDocuments, generateWorkbookTables } from '../bench/generateDocuments';

const TODAY = '2026-10-15';

describe('demoWorkbook', () => {
  const tables = demoWorkbook({ today: TODAY, seed: 42 });
  const read = readWorkbook(tables, { profile: CHILE, timeZone: 'UTC' });
  const ledger = buildLedger(read.book, TODAY, CHILE);

  it('reads back with zero issues', () => {
    expect(read.issues).toEqual([]);
    expect(read.book.issuer).toMatchObject({ name: DEMO_ISSUER.name, taxId: DEMO_ISSUER.taxId });
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(demoWorkbook({ today: TODAY, seed: 42 })).toEqual(tables);
    expect(demoWorkbook({ today: TODAY, seed: 43 })).not.toEqual(tables);
  });

  it('holds about three hundred documents of every SII type over the year up to today', () => {
    const docs = read.book.documents;
    expect(docs.length).toBeGreaterThan(250);
    expect(docs.length).toBeLessThan(350);
    expect(new Set(docs.map((d) => d.type))).toEqual(new Set([33, 34, 39, 56, 61]));
    expect(docs.every((d) => d.issueDate <= TODAY && d.issueDate > '2025-10-15')).toBe(true);
    expect(new Set(docs.map((d) => d.origin))).toEqual(new Set(['pedido', 'nota-entrega', 'directa']));
    expect(docs.filter((d) => d.state === 'anulada').length).toBeGreaterThanOrEqual(2);
    expect(docs.filter((d) => d.type === 56 || d.type === 61).every((d) => d.reference !== null)).toBe(true);
  });

  it('has a dozen customers with valid RUTs, regions, communes and tags', () => {
    expect(read.book.customers).toHaveLength(12);
    for (const c of DEMO_CUSTOMERS) expect(parseRut(c.taxId)).toEqual({ ok: true, value: c.taxId });
    expect(read.book.customers.every((c) => c.region !== '' && c.commune !== '' && c.tags.length > 0)).toBe(true);
    expect(read.book.customers.flatMap((c) => c.tags)).toEqual(expect.arrayContaining(['retail', 'mayorista', 'gobierno']));
  });

  it('has lines that add up to each document Neto and Exento, with VAT rounded per document', () => {
    for (const doc of read.book.documents) {
      const lines = read.book.lines.filter((l) => l.type === doc.type && l.number === doc.number);
      expect(lines.length).toBeGreaterThan(0);
      const amount = (l: (typeof lines)[number]) => ((l.quantityMilli / 1000) * l.unitPrice * (10_000 - l.discountBasisPoints)) / 10_000;
      expect(lines.filter((l) => !l.exempt).reduce((s, l) => s + amount(l), 0)).toBe(doc.net);
      expect(lines.filter((l) => l.exempt).reduce((s, l) => s + amount(l), 0)).toBe(doc.exempt);
      expect(doc.tax).toBe(CHILE.vatOn(doc.net));
    }
  });

  it('shows every payment status as of today, with payments never beyond the balance', () => {
    expect(new Set(ledger.views.map((v) => v.paymentStatus))).toEqual(new Set(PAYMENT_STATUSES));
    expect(ledger.views.every((v) => v.balance >= 0)).toBe(true);
    expect(read.book.payments.every((p) => p.date <= TODAY)).toBe(true);
  });

  it('keeps a history entry for each payment and each void document, in time order', () => {
    const paymentEntries = read.book.history.filter((h) => h.newStatus !== 'anulada');
    expect(paymentEntries).toHaveLength(read.book.payments.length);
    expect(read.book.history.filter((h) => h.newStatus === 'anulada')).toHaveLength(read.book.documents.filter((d) => d.state === 'anulada').length);
    const paidByDoc = new Map<string, number>();
    for (const p of read.book.payments) paidByDoc.set(`${p.type}-${p.number}`, (paidByDoc.get(`${p.type}-${p.number}`) ?? 0) + p.amount);
    const historyByDoc = new Map<string, number>();
    for (const h of paymentEntries) historyByDoc.set(`${h.type}-${h.number}`, (historyByDoc.get(`${h.type}-${h.number}`) ?? 0) + (h.amount ?? 0));
    expect(historyByDoc).toEqual(paidByDoc);
    const stamps = read.book.history.map((h) => h.timestamp);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('fills the derived columns with the position as of today', () => {
    const header = tables.Facturas![0]!;
    const [paid, balance, status] = ['Pagado', 'Saldo', 'Estado de pago'].map((h) => header.indexOf(h));
    for (const view of ledger.views) {
      const row = tables.Facturas![view.row - 1]!;
      expect([row[paid!], row[balance!], row[status!]]).toEqual([view.paid, view.balance, view.paymentStatus]);
    }
  });
});

describe('generateDocuments', () => {
  it('makes rows that read back with zero issues', () => {
    const tables = generateWorkbookTables({ count: 20_000, seed: 3, today: TODAY });
    const read = readWorkbook(tables, { profile: CHILE, timeZone: 'UTC' });
    expect(read.issues).toEqual([]);
    expect(read.book.documents).toHaveLength(20_000);
    expect(read.book.payments.length).toBeGreaterThan(5_000);
    expect(new Set(read.book.documents.map((d) => d.type))).toEqual(new Set([33, 34, 39, 61]));
  });

  it('is deterministic and shares one Date per day', () => {
    const rows = generateDocuments({ count: 1000, seed: 5, today: TODAY });
    expect(rows).toHaveLength(1001);
    expect(generateDocuments({ count: 1000, seed: 5, today: TODAY })).toEqual(rows);
    const dates = new Set(rows.slice(1).map((r) => r[2]));
    expect(dates.size).toBeLessThanOrEqual(365);
  });
});

describe('demoWorkbook across seeds and dates', () => {
  it.each([
    ['2026-01-01', 1],
    ['2026-06-30', 2],
    ['2027-03-31', 3],
    ['2026-10-15', 4],
  ] as const)('as of %s with seed %d reads cleanly and shows every status', (today, seed) => {
    const read = readWorkbook(demoWorkbook({ today, seed }), { profile: CHILE, timeZone: 'UTC' });
    expect(read.issues).toEqual([]);
    expect(new Set(buildLedger(read.book, today, CHILE).views.map((v) => v.paymentStatus))).toEqual(new Set(PAYMENT_STATUSES));
  });
});
