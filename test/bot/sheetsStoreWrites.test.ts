import { CHILE, ok, recordPayment, type ChangePlan } from '../../core/index';
import { type WorkbookStore, WriteConflictError } from '../../core/node/store';
import { dateToSerial, openSheetsStore } from '../../core/node/sheetsStore';
import { type FakeCell, type FakeSheetsApi, startFakeSheetsApi } from '../fakes/sheetsApi';
import { NOW, workbookFixture } from './workbookFixture';

interface SentCell {
  userEnteredValue?: Record<string, unknown>;
  userEnteredFormat?: { numberFormat?: { type: string; pattern?: string } };
}
interface SentRequest {
  appendCells?: { sheetId: number; rows: { values: SentCell[] }[]; fields: string };
  updateCells?: { start: { sheetId: number; rowIndex: number; columnIndex: number }; rows: { values: SentCell[] }[]; fields: string };
}

describe('writing to the Google Sheet: one atomic batchUpdate per plan', () => {
  let sheets: FakeSheetsApi;
  const open = (): WorkbookStore => openSheetsStore({ spreadsheetId: sheets.spreadsheetId, rootUrl: sheets.rootUrl, now: () => NOW, sleep: async () => undefined });
  beforeEach(async () => {
    sheets = await startFakeSheetsApi(workbookFixture());
  });
  afterEach(async () => {
    await sheets.close();
  });

  const batchUpdates = () => sheets.calls.filter((c) => c.method === 'batchUpdate');
  const requestsOf = (index: number): SentRequest[] => (batchUpdates()[index]!.body as { requests: SentRequest[] }).requests;
  const everyTab = (): Record<string, FakeCell[][]> => Object.fromEntries([...sheets.sheets].map(([name, rows]) => [name, rows.map((r) => [...r])]));

  /** A payment on 33-1003 (owes 138.000): a Pagos row, a Historial line and Facturas' derived cells. */
  const pay = (store: WorkbookStore, { reference = 'TRX-1', date = '2026-10-14', amount = 100_000 } = {}) =>
    store.transact((read) => {
      const planned = recordPayment(read, CHILE, {
        document: '33-1003',
        amount,
        date,
        method: 'Transferencia',
        reference,
        user: 'ana',
        channel: 'slack',
        today: '2026-10-15',
        now: NOW.toISOString(),
      });
      return planned.ok ? ok({ plan: planned.value.plan, outcome: planned.value.after.balance }) : planned;
    });

  it('sends a payment as one batchUpdate: a row to Pagos, a line to Historial, three Facturas cells', async () => {
    const store = open();
    await store.read();
    expect(await pay(store)).toEqual({ ok: true, value: 38_000 });

    expect(batchUpdates()).toHaveLength(1);
    const [pagos, historial, ...cells] = requestsOf(0);
    expect(pagos!.appendCells).toMatchObject({ sheetId: sheets.sheetId('Pagos'), fields: 'userEnteredValue,userEnteredFormat.numberFormat' });
    expect(pagos!.appendCells!.rows[0]!.values[0]).toEqual({
      userEnteredValue: { numberValue: dateToSerial('2026-10-14') },
      userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd-mm-yyyy' } },
    });
    expect(historial!.appendCells!.sheetId).toBe(sheets.sheetId('Historial'));
    expect(historial!.appendCells!.rows[0]!.values[1]!.userEnteredFormat).toEqual({ numberFormat: { type: 'DATE_TIME', pattern: 'dd-mm-yyyy hh:mm:ss' } });
    const facturasRow = sheets.rows('Facturas').findIndex((r) => r[1] === 1003);
    expect(cells.map((c) => c.updateCells)).toEqual(
      [17, 18, 19].map((columnIndex) =>
        expect.objectContaining({
          start: { sheetId: sheets.sheetId('Facturas'), rowIndex: facturasRow, columnIndex },
          fields: 'userEnteredValue',
        }),
      ),
    );

    expect(sheets.rows('Pagos').at(-1)).toEqual([dateToSerial('2026-10-14'), 33, 1003, 100_000, 'Transferencia', 'TRX-1', 'ana']);
    expect(sheets.numberFormat('Pagos', sheets.rows('Pagos').length - 1, 0)).toEqual({ type: 'DATE', pattern: 'dd-mm-yyyy' });
    expect(sheets.rows('Historial').at(-1)!.slice(2)).toEqual([33, 1003, 'vencida', 'vencida', 100_000, 'ana', 'slack']);
    expect(sheets.rows('Facturas')[facturasRow]!.slice(17, 20)).toEqual([200_000, 38_000, 'vencida']);
    // Sheet ids and the time zone come from one spreadsheets.get, asked only for those fields.
    const gets = sheets.calls.filter((c) => c.method === 'get');
    expect(gets).toHaveLength(1);
    expect(gets[0]!.query['fields']).toEqual(['sheets.properties(sheetId,title,gridProperties.rowCount),properties.timeZone']);
  });

  it('leaves every tab as it was when Google refuses the batch, says so, and writes on the next try', async () => {
    const store = open();
    await store.read();
    // Someone deletes Historial and puts it back: the id the store knows no longer exists.
    sheets.recreateSheet('Historial');
    const before = everyTab();

    await expect(pay(store)).rejects.toThrow(/^Writing to Google Sheet sheet-test-1 failed \(400 Invalid requests\[1\]\.appendCells: No grid with id: \d+\); nothing was written$/);
    expect(batchUpdates().map((c) => c.status)).toEqual([400]);
    expect(everyTab()).toEqual(before);

    // The refusal dropped the cached sheet ids: the next payment finds Historial's new one.
    expect(await pay(store)).toEqual({ ok: true, value: 38_000 });
    expect(sheets.rows('Pagos').length).toBe(before['Pagos']!.length + 1);
    expect(sheets.rows('Historial').length).toBe(before['Historial']!.length + 1);
  });

  it('writes nothing and does not retry when the sheet is no longer shared', async () => {
    const before = everyTab();
    sheets.failNext('batchUpdate', 403);
    await expect(pay(open())).rejects.toThrow('failed (403 The caller does not have permission); nothing was written');
    expect(batchUpdates()).toHaveLength(1);
    expect(everyTab()).toEqual(before);
  });

  it('retries a 503 only after checking that the batch was not applied', async () => {
    const historyBefore = sheets.rows('Historial').length;
    sheets.failNext('batchUpdate', 503);
    expect(await pay(open(), { reference: 'TRX-503' })).toEqual({ ok: true, value: 38_000 });
    expect(batchUpdates().map((c) => c.status)).toEqual([503, 200]);
    expect(sheets.rows('Pagos').filter((r) => r[5] === 'TRX-503')).toHaveLength(1);
    expect(sheets.rows('Historial')).toHaveLength(historyBefore + 1);
  });

  it('never applies a plan twice when a 503 came after Google had applied it', async () => {
    const historyBefore = sheets.rows('Historial').length;
    sheets.failNext('batchUpdate', 503, { afterApplying: true });
    await expect(pay(open(), { reference: 'TRX-503' })).rejects.toThrow(
      'failed (503 The service is currently unavailable.) and whether it was applied cannot be told; check the sheet before trying again',
    );
    expect(batchUpdates()).toHaveLength(1);
    expect(sheets.rows('Pagos').filter((r) => r[5] === 'TRX-503')).toHaveLength(1);
    expect(sheets.rows('Historial')).toHaveLength(historyBefore + 1);
  });

  it('stores formula-looking text as the text typed, never as a formula', async () => {
    const store = open();
    const references = ['=HYPERLINK("http://evil.example","x")', '+56 9 1234 5678', '-12', '@admin'];
    for (const reference of references) expect(await pay(store, { reference, amount: 10_000 })).toMatchObject({ ok: true });
    const sent = batchUpdates()
      .flatMap((c) => (c.body as { requests: SentRequest[] }).requests)
      .filter((r) => r.appendCells?.sheetId === sheets.sheetId('Pagos'));
    expect(sent.map((r) => r.appendCells!.rows[0]!.values[5])).toEqual(references.map((stringValue) => ({ userEnteredValue: { stringValue } })));
    expect(
      sheets
        .rows('Pagos')
        .slice(-references.length)
        .map((r) => r[5]),
    ).toEqual(references);
    const read = await open().read();
    expect(read.book.payments.slice(-references.length).map((p) => p.reference)).toEqual(references);
  });

  it('writes dates and instants that read back as the same ISO date and instant', async () => {
    const store = open();
    await pay(store, { reference: 'TRX-date', date: '2026-10-14' });
    const first = await open().read();
    const facturas = first.layout.facturas!;
    const { row } = first.book.documents.find((d) => d.number === 1002)!;
    expect(sheets.rows('Facturas')[row - 1]![1]).toBe(1002);
    const plan: ChangePlan = {
      updates: [
        { tab: 'facturas', row, column: facturas.columns['dueDate']!, value: { date: '2026-12-31' } },
        { tab: 'facturas', row, column: facturas.columns['notes']!, value: 'revisar' },
      ],
      appends: [],
    };
    await store.transact(() => ok({ plan, outcome: null }));
    expect(sheets.numberFormat('Facturas', row - 1, facturas.columns['dueDate']!)).toEqual({ type: 'DATE', pattern: 'dd-mm-yyyy' });

    const read = await open().read();
    expect(read.issues).toEqual([]);
    expect(read.book.payments.find((p) => p.reference === 'TRX-date')!.date).toBe('2026-10-14');
    expect(read.book.history.at(-1)!.timestamp).toBe(NOW.toISOString());
    expect(read.book.documents.find((d) => d.number === 1002)).toMatchObject({ dueDate: '2026-12-31', issueDate: '2026-10-01', notes: 'revisar' });
  });

  it("serialises two payments from one process: the second decides over the first one's write", async () => {
    const [first, second] = await Promise.all([pay(open(), { reference: 'TRX-A', amount: 138_000 }), pay(open(), { reference: 'TRX-B', amount: 138_000 })]);
    expect(first).toEqual({ ok: true, value: 0 });
    expect(second).toMatchObject({ ok: false, issues: [expect.objectContaining({ code: 'amountExceedsBalance' })] });
    expect(batchUpdates()).toHaveLength(1);
    const ids = sheets.rows('Historial').map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports a conflict loudly when another client wrote the same payment between the check and the batch', async () => {
    const store = open();
    // The add-on records the whole balance at the very moment the bot's batch goes out.
    sheets.beforeNext('batchUpdate', () => {
      sheets.appendRow('Pagos', [dateToSerial('2026-10-14'), 33, 1003, 138_000, 'Efectivo', 'SIDEBAR', 'maria']);
      sheets.appendRow('Historial', ['H-00001', dateToSerial('2026-10-15') + 0.5, 33, 1003, 'vencida', 'pagada', 138_000, 'maria', 'sidebar']);
    });
    const attempt = pay(store, { reference: 'TRX-BOT', amount: 138_000 });
    await expect(attempt).rejects.toThrow(WriteConflictError);
    await expect(attempt).rejects.toThrow(
      'Google Sheet sheet-test-1 was written by someone else at the same moment as this change (Historial id used twice: H-00001; balance below zero: 33-1003); the change was written, check the sheet',
    );
    const error = (await attempt.catch((e: unknown) => e)) as WriteConflictError;
    expect(error.duplicateHistoryIds).toEqual(['H-00001']);
    expect(error.negativeBalances).toEqual(['33-1003']);
  });
});
