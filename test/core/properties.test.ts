import fc from 'fast-check';
import {
  CHILE,
  type Cell,
  type WorkbookTables,
  buildLedger,
  documentTypeRule,
  totalSign,
  canonicalHeaders,
  compactRut,
  formatRut,
  libroDeVentas,
  parseQuery,
  parseRut,
  readWorkbook,
  recordPayment,
  rutCheckDigit,
  statusSummary,
} from '../../core';
import { documentRow, workbook } from '../support/tables';

const OPTIONS = { profile: CHILE, timeZone: 'America/Santiago' };

/** Anything a spreadsheet cell can hold, weighted towards what looks almost right. */
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(null, undefined, '', ' ', 33, 61, 1, 'Emitida', 'Anulada', 'Pedido', 'CLP', 'USD', '2026-10-01', '76.086.428-5', '33-1', 'sí'),
  fc.integer({ min: -1_000, max: 1_000_000 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.date({ min: new Date('1899-01-01'), max: new Date('2100-01-01'), noInvalidDate: false }),
);
const grid = (width: number) => fc.array(fc.array(cell, { minLength: 0, maxLength: width + 2 }), { maxLength: 12 });

describe('properties', () => {
  it('the query parser never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        parseQuery(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('readWorkbook never throws on any grid, and every non-blank row it leaves out is reported with its tab and row', () => {
    const headers = {
      Facturas: canonicalHeaders('facturas'),
      Detalle: canonicalHeaders('detalle'),
      Pagos: canonicalHeaders('pagos'),
      Clientes: canonicalHeaders('clientes'),
      Historial: canonicalHeaders('historial'),
    };
    const tabs = { Facturas: 'facturas', Detalle: 'detalle', Pagos: 'pagos', Clientes: 'clientes', Historial: 'historial' } as const;
    fc.assert(
      fc.property(grid(20), grid(7), grid(7), grid(9), grid(9), (facturas, detalle, pagos, clientes, historial) => {
        // A few rows that read, so reading is exercised past the first problem.
        const good = [documentRow({ number: 1 }), documentRow({ number: 2 })];
        const tables: WorkbookTables = {
          Facturas: [headers.Facturas, ...good, ...facturas],
          Detalle: [headers.Detalle, ...detalle],
          Pagos: [headers.Pagos, ...pagos],
          Clientes: [headers.Clientes, ...clientes],
          Historial: [headers.Historial, ...historial],
        };
        const read = readWorkbook(tables, OPTIONS);
        const kept = new Set([
          ...read.book.documents.map((d) => `facturas:${d.row}`),
          ...read.book.lines.map((l) => `detalle:${l.row}`),
          ...read.book.payments.map((p) => `pagos:${p.row}`),
          ...read.book.customers.map((c) => `clientes:${c.row}`),
          ...read.book.history.map((h) => `historial:${h.row}`),
        ]);
        const reported = new Set(read.issues.map((i) => `${i.path.tab}:${i.path.row}`));
        for (const [name, rows] of Object.entries(tables)) {
          rows.forEach((row, index) => {
            if (index === 0 || row.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))) return;
            const where = `${tabs[name as keyof typeof tabs]}:${index + 1}`;
            if (!kept.has(where) && !reported.has(where)) throw new Error(`${where} was left out without an issue`);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a RUT formatted from any body parses back to itself, with or without dots and dash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
        const body = String(n);
        const rut = formatRut(body, rutCheckDigit(body));
        expect(parseRut(rut)).toEqual({ ok: true, value: rut });
        expect(parseRut(compactRut(rut))).toEqual({ ok: true, value: rut });
        expect(parseRut(` 000${compactRut(rut).toLowerCase()} `)).toEqual({ ok: true, value: rut });
      }),
      { numRuns: 2_000 },
    );
  });

  it('no sequence of payments, whatever their amounts, makes a balance negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.array(fc.integer({ min: -10, max: 6_000_000 }), { maxLength: 8 }), (netThousands, amounts) => {
        const net = netThousands * 1000;
        let payments: Cell[][] = [];
        for (const amount of amounts) {
          const read = readWorkbook(workbook([{ number: 1, net, due: '2026-12-31' }], payments), OPTIONS);
          const result = recordPayment(read, CHILE, {
            document: '33-1',
            amount,
            date: '2026-10-10',
            method: '',
            reference: '',
            user: 'p',
            channel: 'cli',
            today: '2026-10-10',
            now: '2026-10-10T12:00:00.000Z',
          });
          if (!result.ok) continue;
          expect(result.value.after.balance).toBeGreaterThanOrEqual(0);
          payments = [...payments, ['2026-10-10', 33, 1, amount, '', '', 'p']];
        }
        const final = buildLedger(readWorkbook(workbook([{ number: 1, net, due: '2026-12-31' }], payments), OPTIONS).book, '2026-10-10', CHILE);
        expect(final.byKey(33, 1)!.balance).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('report totals equal the sum of their documents', () => {
    const documentArb = fc.record({
      type: fc.constantFrom(33, 34, 39, 61),
      net: fc.integer({ min: 1, max: 2_000 }).map((n) => n * 1000),
      month: fc.integer({ min: 9, max: 10 }),
      state: fc.constantFrom('Emitida', 'Emitida', 'Anulada'),
      paid: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(documentArb, { minLength: 1, maxLength: 25 }), (docs) => {
        const rows = docs.map((d, i) => {
          const exemptOnly = d.type === 34;
          return {
            type: d.type,
            number: i + 1,
            date: `2026-${d.month}-05`,
            net: exemptOnly ? 0 : d.net,
            exempt: exemptOnly ? d.net : 0,
            tax: exemptOnly ? 0 : undefined,
            state: d.state,
            reference: d.type === 61 ? '' : undefined,
          };
        });
        // Credit notes amend the first invoice and take back a little of it.
        const firstInvoice = rows.findIndex((r) => r.type !== 61);
        const tables = workbook(
          rows.map((r) => (r.type === 61 ? (firstInvoice < 0 ? { ...r, type: 33 } : { ...r, net: 1000, reference: `${rows[firstInvoice]!.type}-${rows[firstInvoice]!.number}` }) : r)),
          docs.flatMap((d, i) => (d.paid > 0 && rows[i]!.type !== 61 ? [[`2026-10-0${d.paid}`, rows[i]!.type, i + 1, 1000 * d.paid, '', '', 'p']] : [])),
        );
        const read = readWorkbook(tables, OPTIONS);
        const ledger = buildLedger(read.book, '2026-10-31', CHILE);
        const invoices = ledger.views.filter((v) => v.kind === 'invoice');
        const summary = statusSummary(ledger, CHILE);
        expect(summary.totals.count).toBe(invoices.length);
        expect(summary.totals.total).toBe(invoices.reduce((s, v) => s + v.total, 0));
        expect(summary.totals.balance).toBe(invoices.reduce((s, v) => s + v.balance, 0));
        for (const line of summary.lines) {
          expect(line.balance).toBe(invoices.filter((v) => v.paymentStatus === line.status).reduce((s, v) => s + v.balance, 0));
        }
        const libro = libroDeVentas(read.book, '2026-10', CHILE);
        if (!libro.ok) throw new Error('the period is valid');
        expect(libro.value.totals.reduce((s, t) => s + totalSign(documentTypeRule(CHILE, t.type)!.kind) * t.total, 0)).toBe(libro.value.grandTotal.total);
        expect(libro.value.totals.reduce((s, t) => s + t.count + t.voidCount, 0)).toBe(libro.value.rows.length);
      }),
      { numRuns: 200 },
    );
  });
});
