import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CHILE, type WorkbookRead, buildLedger, fail, issue, ok, defaultReminderSteps, readWorkbook, recordPayment } from '../../core';
import { demoWorkbook } from '../../core/demo';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { createWorkbook } from '../../core/node/xlsxCreate';
import { WorkbookExistsError, WorkbookNotFoundError } from '../../core/node/xlsxFile';

const TODAY = '2026-10-15';
let folder: string;

beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-store-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const hashOf = async (file: string) =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
const loadExcel = async (file: string) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
};

/** An open invoice of the demo data with something left to pay. */
const openInvoice = (read: WorkbookRead) => buildLedger(read.book, TODAY, CHILE).views.find((v) => v.type === 33 && v.balance > 10_000 && v.paymentStatus !== 'anulada')!;

const payDecision =
  (document: string, amount: number, extra: { method?: string } = {}) =>
  (read: WorkbookRead) => {
    const result = recordPayment(read, CHILE, {
      document,
      amount,
      date: TODAY,
      method: extra.method ?? 'Transferencia',
      reference: 'TX-1',
      user: 'ana',
      channel: 'cli',
      today: TODAY,
      now: '2026-10-15T13:45:00.000Z',
    });
    return result.ok ? ok({ plan: result.value.plan, outcome: result.value.after }) : result;
  };

describe('createWorkbook', () => {
  it('writes the demo data so that it reads back exactly, with zero issues', async () => {
    const file = path.join(folder, 'facturas.xlsx');
    await createWorkbook(file, { demo: true, today: TODAY });
    const read = await openXlsxStore(file).read();
    expect(read.issues).toEqual([]);
    const expected = readWorkbook(demoWorkbook({ today: TODAY }), { profile: CHILE, timeZone: 'UTC' });
    // init adds the collections tabs to the demo: Gestiones empty, Recordatorios with the default schedule to edit.
    const { collections, reminderSteps, ...rest } = read.book;
    expect(rest).toEqual(expected.book);
    expect(collections).toEqual([]);
    expect(reminderSteps).toEqual(defaultReminderSteps('es'));
  });

  it('lays out every tab with bold frozen headers, widths and Chilean formats', async () => {
    const file = path.join(folder, 'facturas.xlsx');
    await createWorkbook(file, { demo: true, today: TODAY });
    const workbook = await loadExcel(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Facturas', 'Detalle', 'Pagos', 'Clientes', 'Historial', 'Empresa', 'Gestiones', 'Recordatorios']);
    const facturas = workbook.getWorksheet('Facturas')!;
    expect(facturas.getRow(1).values).toEqual([
      undefined,
      'Tipo',
      'Folio',
      'Fecha',
      'Vencimiento',
      'RUT',
      'Cliente',
      'Email',
      'Origen',
      'Ref. origen',
      'Neto',
      'Exento',
      'IVA',
      'Total',
      'Moneda',
      'Estado',
      'Ref. documento',
      'Notas',
      'Pagado',
      'Saldo',
      'Estado de pago',
      'Otros impuestos',
    ]);
    expect(facturas.getCell('A1').font?.bold).toBe(true);
    expect(facturas.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(facturas.getColumn(6).width).toBeGreaterThan(20);
    expect(facturas.getCell('C2').value).toBeInstanceOf(Date);
    expect(facturas.getCell('C2').numFmt).toBe('dd-mm-yyyy');
    expect(facturas.getCell('M2').numFmt).toContain('#,##0');
    expect(workbook.getWorksheet('Empresa')!.getCell('A2').value).toBe('Razón social');
  });

  it('creates an empty workbook with headers only that reads without issues', async () => {
    const file = path.join(folder, 'vacio.xlsx');
    await createWorkbook(file, { today: TODAY });
    const read = await openXlsxStore(file).read();
    expect(read.issues).toEqual([]);
    expect(read.book.documents).toEqual([]);
    expect(read.book.issuer).toBeNull();
  });

  it('refuses to replace an existing file unless told to', async () => {
    const file = path.join(folder, 'facturas.xlsx');
    await fs.writeFile(file, 'not a workbook');
    await expect(createWorkbook(file, { today: TODAY })).rejects.toBeInstanceOf(WorkbookExistsError);
    expect(await fs.readFile(file, 'utf8')).toBe('not a workbook');
    await createWorkbook(file, { today: TODAY, overwrite: true });
    expect((await openXlsxStore(file).read()).issues).toEqual([]);
  });
});

describe('openXlsxStore', () => {
  it('names the missing path and suggests facturas init', async () => {
    const file = path.join(folder, 'nada.xlsx');
    const store = openXlsxStore(file);
    await expect(store.read()).rejects.toThrow(WorkbookNotFoundError);
    await expect(store.transact(() => fail(issue('csvEmpty')))).rejects.toThrow(/nada\.xlsx.*facturas init/);
  });

  it('appends the payment and its history and refreshes derived cells, leaving extra columns, tabs and styles untouched', async () => {
    const file = path.join(folder, 'facturas.xlsx');
    await createWorkbook(file, { demo: true, today: TODAY });
    // An accountant's own column in Facturas and own tab, with a formula and styles.
    const edited = await loadExcel(file);
    const facturas = edited.getWorksheet('Facturas')!;
    const extraColumn = facturas.columnCount + 1;
    facturas.getRow(1).getCell(extraColumn).value = 'Vendedor';
    for (let r = 2; r <= facturas.rowCount; r++) facturas.getRow(r).getCell(extraColumn).value = `vendedor-${r}`;
    const mine = edited.addWorksheet('Mis notas');
    mine.getCell('A1').value = 'Resumen';
    mine.getCell('A1').font = { italic: true, color: { argb: 'FF0000FF' } };
    mine.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 };
    mine.getCell('C3').value = { richText: [{ text: 'negrita ', font: { bold: true } }, { text: 'y normal' }] };
    await edited.xlsx.writeFile(file);

    const store = openXlsxStore(file);
    const before = await store.read();
    expect(before.issues).toEqual([]);
    const target = openInvoice(before);
    const result = await store.transact(payDecision(`${target.type}-${target.number}`, 10_000, { method: '=HYPERLINK("http://x")' }));
    expect(result.ok).toBe(true);

    const after = await loadExcel(file);
    const afterFacturas = after.getWorksheet('Facturas')!;
    expect(afterFacturas.getRow(1).getCell(extraColumn).value).toBe('Vendedor');
    for (let r = 2; r <= facturas.rowCount; r++) expect(afterFacturas.getRow(r).getCell(extraColumn).value).toBe(`vendedor-${r}`);
    const afterMine = after.getWorksheet('Mis notas')!;
    expect(afterMine.getCell('A1').value).toBe('Resumen');
    expect(afterMine.getCell('A1').font).toMatchObject({ italic: true, color: { argb: 'FF0000FF' } });
    expect(afterMine.getCell('B2').value).toEqual({ formula: 'SUM(1,2)', result: 3 });
    expect(afterMine.getCell('C3').text).toBe('negrita y normal');

    const pagos = after.getWorksheet('Pagos')!;
    const newPayment = pagos.getRow(before.layout.pagos!.lastRow + 1);
    expect(newPayment.getCell(1).value).toEqual(new Date(Date.UTC(2026, 9, 15)));
    expect(newPayment.getCell(1).numFmt).toBe('dd-mm-yyyy');
    expect(newPayment.getCell(3).value).toBe(target.number);
    expect(newPayment.getCell(4).value).toBe(10_000);
    expect(newPayment.getCell(5).value).toBe('=HYPERLINK("http://x")');
    expect(newPayment.getCell(5).formula).toBeUndefined();
    const historial = after.getWorksheet('Historial')!;
    const entry = historial.getRow(before.layout.historial!.lastRow + 1);
    expect(entry.getCell(1).value).toMatch(/^H-\d{5}$/);
    expect(before.book.history.map((h) => h.id)).not.toContain(entry.getCell(1).value);
    expect(entry.getCell(2).value).toEqual(new Date('2026-10-15T13:45:00.000Z'));
    expect(entry.getCell(9).value).toBe('cli');
    expect(afterFacturas.getRow(target.row).getCell(18).value).toBe(target.paid + 10_000);
    expect(afterFacturas.getRow(target.row).getCell(19).value).toBe(target.balance - 10_000);

    const reread = await store.read();
    expect(reread.issues).toEqual([]);
    expect(reread.book.payments).toHaveLength(before.book.payments.length + 1);
    expect(reread.book.payments.at(-1)).toMatchObject({ date: TODAY, amount: 10_000, method: '=HYPERLINK("http://x")' });
    expect(reread.book.history.at(-1)).toMatchObject({ id: entry.getCell(1).value, timestamp: '2026-10-15T13:45:00.000Z', amount: 10_000, channel: 'cli' });
  });

  it('leaves the file byte for byte as it was when the decision fails or throws', async () => {
    const file = path.join(folder, 'facturas.xlsx');
    await createWorkbook(file, { demo: true, today: TODAY });
    const store = openXlsxStore(file);
    const hash = await hashOf(file);
    const refused = await store.transact(payDecision('33-999999', 1000));
    expect(refused).toMatchObject({ ok: false, issues: [{ code: 'unknownDocument' }] });
    await expect(
      store.transact(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await hashOf(file)).toBe(hash);
    expect((await fs.readdir(folder)).sort()).toEqual(['facturas.xlsx']);
  });

  it('serialises concurrent transactions so that none is lost', async () => {
    const file = path.join(folder, 'facturas.xlsx');
    await createWorkbook(file, { demo: true, today: TODAY });
    const store = openXlsxStore(file);
    const before = await store.read();
    const target = openInvoice(before);
    const results = await Promise.all([1, 2, 3, 4].map(() => openXlsxStore(file).transact(payDecision(`${target.type}-${target.number}`, 1000))));
    expect(results.every((r) => r.ok)).toBe(true);
    const after = await store.read();
    expect(after.book.payments).toHaveLength(before.book.payments.length + 4);
    // Each transaction planned its Historial id from a fresh read inside the lock: no two alike.
    const highest = Math.max(...before.book.history.map((h) => Number(h.id.slice(2))));
    const expected = [1, 2, 3, 4].map((n) => `H-${String(highest + n).padStart(5, '0')}`);
    expect(after.book.history.slice(-4).map((h) => h.id)).toEqual(expected);
  });

  it('takes over a lock left behind by a process that died', async () => {
    const file = path.join(folder, 'facturas.xlsx');
    await createWorkbook(file, { demo: true, today: TODAY });
    const lock = `${file}.lock`;
    await fs.mkdir(lock);
    const longAgo = new Date(Date.now() - 120_000);
    await fs.utimes(lock, longAgo, longAgo);
    const store = openXlsxStore(file);
    const target = openInvoice(await store.read());
    expect((await store.transact(payDecision(`${target.type}-${target.number}`, 1000))).ok).toBe(true);
    expect((await fs.readdir(folder)).sort()).toEqual(['facturas.xlsx']);
  });

  it('gives up with ELOCKED while a live process holds the lock', async () => {
    const file = path.join(folder, 'facturas.xlsx');
    await createWorkbook(file, { demo: true, today: TODAY });
    await fs.mkdir(`${file}.lock`);
    const hash = await hashOf(file);
    await expect(openXlsxStore(file, { lockWaitMs: 300 }).transact(payDecision('33-1001', 1000))).rejects.toMatchObject({ code: 'ELOCKED' });
    expect(await hashOf(file)).toBe(hash);
  });

  it('reads formula results, rich text and links as plain values', async () => {
    const file = path.join(folder, 'facturas.xlsx');
    await createWorkbook(file, { demo: true, today: TODAY });
    const edited = await loadExcel(file);
    const clientes = edited.getWorksheet('Clientes')!;
    clientes.getCell('B2').value = { richText: [{ text: 'Comercial ', font: { bold: true } }, { text: 'Rica Ltda.' }] };
    clientes.getCell('G2').value = { text: 'pagos@rica.cl', hyperlink: 'mailto:pagos@rica.cl' };
    const facturas = edited.getWorksheet('Facturas')!;
    const total = facturas.getCell('M2').value as number;
    facturas.getCell('M2').value = { formula: 'J2+K2+L2', result: total };
    await edited.xlsx.writeFile(file);
    const read = await openXlsxStore(file).read();
    expect(read.issues).toEqual([]);
    expect(read.book.customers[0]).toMatchObject({ name: 'Comercial Rica Ltda.', email: 'pagos@rica.cl' });
    expect(read.book.documents[0]!.total).toBe(total);
  });
});
