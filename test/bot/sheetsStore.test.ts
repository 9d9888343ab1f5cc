import { ok, recordPayment } from '../../core/index';
import { CHILE } from '../../core/index';
import { dateToSerial, instantToSerial, openSheetsStore, serialToInstant } from '../../core/node/sheetsStore';
import { type FakeSheetsApi, startFakeSheetsApi } from '../fakes/sheetsApi';
import { NOW, workbookFixture } from './workbookFixture';

describe('the Google Sheets store against a fake Sheets API', () => {
  let sheets: FakeSheetsApi;
  let clock: Date;
  const open = () => openSheetsStore({ spreadsheetId: sheets.spreadsheetId, rootUrl: sheets.rootUrl, now: () => clock, sleep: async () => undefined });
  beforeEach(async () => {
    sheets = await startFakeSheetsApi(workbookFixture());
    clock = NOW;
  });
  afterEach(async () => {
    await sheets.close();
  });

  const batchGets = () => sheets.calls.filter((c) => c.method === 'batchGet');

  it('reads a small book in one batchGet, every tab to the end of its grid, unformatted, dates as serial numbers', async () => {
    const read = await open().read();
    expect(read.issues).toEqual([]);
    expect(read.book.documents).toHaveLength(29);
    expect(read.book.documents[0]).toMatchObject({ number: 1001, issueDate: '2026-08-01', dueDate: '2026-08-31', total: 1_190_000 });
    expect(read.book.history[0]!.timestamp).toBe('2026-09-15T15:00:00.000Z');
    expect(batchGets()).toHaveLength(1);
    expect(batchGets()[0]!.query).toMatchObject({ valueRenderOption: ['UNFORMATTED_VALUE'], dateTimeRenderOption: ['SERIAL_NUMBER'] });
    expect(batchGets()[0]!.query['ranges']).toEqual(["'Facturas'!1:1000", "'Detalle'!1:1000", "'Pagos'!1:1000", "'Clientes'!1:1000", "'Historial'!1:1000"]);
  });

  it('shares one request among concurrent reads and serves a short-lived snapshot', async () => {
    const store = open();
    await Promise.all([store.read(), store.read(), store.read()]);
    expect(batchGets()).toHaveLength(1);
    await store.read();
    expect(batchGets()).toHaveLength(1);
    clock = new Date(NOW.getTime() + 6_000);
    await store.read();
    expect(batchGets()).toHaveLength(2);
  });

  it('backs off and retries after a 429', async () => {
    sheets.rateLimitNext('batchGet', 0);
    const read = await open().read();
    expect(read.book.documents).toHaveLength(29);
    expect(batchGets().map((c) => c.status)).toEqual([429, 200]);
  });

  it('decides again when the sheet changed between the read and the write', async () => {
    const store = open();
    const historyBefore = sheets.rows('Historial').length;
    let decisions = 0;
    const result = await store.transact((read) => {
      decisions++;
      // Another client records a payment while the first decision is being made.
      if (decisions === 1) sheets.appendRow('Pagos', [dateToSerial('2026-10-14'), 33, 1003, 38_000, 'Efectivo', '', 'maria']);
      const planned = recordPayment(read, CHILE, {
        document: '33-1003',
        amount: 100_000,
        date: '2026-10-15',
        method: 'Cheque',
        reference: '',
        user: 'ana',
        channel: 'slack',
        today: '2026-10-15',
        now: NOW.toISOString(),
      });
      return planned.ok ? ok({ plan: planned.value.plan, outcome: planned.value.after.balance }) : planned;
    });
    expect(decisions).toBe(2);
    expect(result).toEqual({ ok: true, value: 0 });
    const pagos = sheets.rows('Pagos');
    expect(pagos.slice(-2).map((r) => r[3])).toEqual([38_000, 100_000]);
    // Only the second decision was written: one new Historial line, for the 100.000 payment.
    expect(sheets.rows('Historial').slice(historyBefore)).toEqual([['H-00001', expect.any(Number), 33, 1003, 'vencida', 'pagada', 100_000, 'ana', 'slack']]);
  });

  it('writes nothing when the decision fails', async () => {
    const result = await open().transact(() => ({ ok: false, issues: [{ code: 'notAllowed', path: {}, params: {} }] }));
    expect(result.ok).toBe(false);
    expect(sheets.calls.filter((c) => c.method === 'batchUpdate')).toHaveLength(0);
  });

  it('converts instants to and from serials in the sheet time zone', () => {
    const serial = instantToSerial(NOW, 'America/Santiago');
    expect(serial).toBeCloseTo(dateToSerial('2026-10-15') + 0.5, 8);
    expect(serialToInstant(serial, 'America/Santiago').toISOString()).toBe(NOW.toISOString());
  });

  describe('a large tab', () => {
    const EXTRA = 15_000;
    beforeEach(async () => {
      await sheets.close();
      const workbook = workbookFixture();
      const facturas = workbook['Facturas']!;
      const template = facturas[facturas.length - 1]!;
      for (let i = 1; i <= EXTRA; i++) {
        // A blank row now and then, as people leave them; some fall on a range's edge.
        if (i % 4_999 === 0) facturas.push([]);
        facturas.push(template.map((cell, c) => (c === 1 ? 100_000 + i : c === 5 ? `Cliente número ${i} de la lista larga` : cell)));
      }
      sheets = await startFakeSheetsApi(workbook);
    });

    it('is read in several bounded ranges, each answer well under 2 MB, and reads back the same as in small ranges', async () => {
      const read = await open().read();
      const gets = batchGets();
      expect(gets.length).toBeGreaterThan(2);
      const facturasRanges = gets.flatMap((c) => c.query['ranges'] ?? []).filter((r) => r.startsWith("'Facturas'!"));
      expect(facturasRanges.length).toBeGreaterThan(2);
      for (const range of facturasRanges) expect(range).toMatch(/^'Facturas'!\d+:\d+$/);
      for (const call of gets) expect(call.responseBytes).toBeLessThan(1_500_000);
      // Every document, in sheet order: no row lost or repeated at a range's edge.
      expect(read.issues).toEqual([]);
      expect(read.book.documents).toHaveLength(29 + EXTRA);
      expect(read.book.documents.map((d) => d.number).slice(-EXTRA)).toEqual(Array.from({ length: EXTRA }, (_, i) => 100_001 + i));
      const rows = sheets.rows('Facturas');
      expect(read.book.documents.at(-1)!.row).toBe(rows.length);

      const inSmallRanges = openSheetsStore({ spreadsheetId: sheets.spreadsheetId, rootUrl: sheets.rootUrl, now: () => clock, readBytesPerRequest: 60_000 });
      const before = batchGets().length;
      expect(await inSmallRanges.read()).toEqual(read);
      expect(batchGets().length - before).toBeGreaterThan(gets.length * 5);
    });
  });
});
