import path from 'node:path';
import { CHILE, type InvoiceView, buildLedger } from '../../core';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { promises as fs } from 'node:fs';
import { formatMoney } from '../../core';
import { pdfText } from '../node/pdfText';
import { TODAY, fileHash, loadWorkbook, makeFolder, removeFolder, runCli, sheetRows } from './cliHarness';

let folder: string;
let workbook: string;
let views: readonly InvoiceView[];

beforeAll(async () => {
  folder = await makeFolder();
  workbook = path.join(folder, 'facturas.xlsx');
  expect((await runCli(['init', '--demo'], folder)).code).toBe(0);
  views = buildLedger((await openXlsxStore(workbook).read()).book, TODAY, CHILE).views;
});
afterAll(() => removeFolder(folder));

const key = (view: InvoiceView) => `${view.type}-${view.number}`;
const openInvoices = () => views.filter((v) => v.kind === 'invoice' && v.balance > 50_000 && v.paymentStatus !== 'anulada');

describe('facturas init', () => {
  it('creates Gestiones and Recordatorios with the default schedule, as a second reader sees them', async () => {
    const book = await loadWorkbook(workbook);
    expect((book.getWorksheet('Gestiones')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'ID',
      'Fecha',
      'Fecha y hora',
      'RUT',
      'Tipo',
      'Folio',
      'Acción',
      'Fecha compromiso',
      'Monto comprometido',
      'Nota',
      'Usuario',
      'Canal',
    ]);
    expect(sheetRows(book, 'Recordatorios').map((r) => r[0])).toEqual([-3, 1, 7, 15, 30]);
    expect((await openXlsxStore(workbook).read()).issues).toEqual([]);
  });
});

describe('facturas promise and facturas log', () => {
  it('records a promise that show reports, in text and JSON', async () => {
    const target = openInvoices()[0]!;
    const result = await runCli(['promise', key(target), '--date', '2026-10-30', '--amount', '50.000', '--note', 'habló con tesorería'], folder);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`Promesa de pago registrada en Gestiones (G-00001): ${key(target)} (${target.customerName}) pagará $50.000 a más tardar el 30-10-2026.\n`);
    const rows = sheetRows(await loadWorkbook(workbook), 'Gestiones');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(3, 12)).toEqual([target.customerTaxId, target.type, target.number, 'promesa', new Date('2026-10-30T00:00:00Z'), 50000, 'habló con tesorería', 'tester', 'cli']);

    const shown = JSON.parse((await runCli(['show', key(target), '--format', 'json'], folder)).stdout);
    expect(shown.promise).toEqual({ date: '2026-10-30', amount: 50000, status: 'open' });
    expect(shown.collectionLog).toEqual([expect.objectContaining({ id: 'G-00001', date: TODAY, action: 'promise', promisedDate: '2026-10-30', promisedAmount: 50000, note: 'habló con tesorería' })]);
    const later = JSON.parse((await runCli(['show', key(target), '--format', 'json', '--as-of', '2026-11-02'], folder)).stdout);
    expect(later.promise.status).toBe('broken');
    const text = (await runCli(['show', key(target)], folder)).stdout;
    expect(text).toContain('Promesa de pago: $50.000 al 30-10-2026 (vigente)');
    expect(text).toMatch(/Gestiones\n.*\n.*\nG-00001 +15-10-2026 +Promesa de pago/);
    const search = (await runCli(['search', 'promesa:vigente', '--format', 'csv'], folder)).stdout.trim().split('\n');
    expect(search).toHaveLength(2);
    expect(search[1]).toContain(`;${target.number};`);
  });

  it('logs a call about a customer and a note about a document, each with the next id', async () => {
    const target = openInvoices()[1]!;
    const call = await runCli(['log', target.customerTaxId, '--action', 'llamada', '--text', 'pide copia de la factura'], folder);
    expect(call.stdout).toBe(`Llamada registrada en Gestiones (G-00002) para ${call.stdout.match(/para (.*)\.\n/)![1]}.\n`);
    expect(call.stdout).toContain(`(${target.customerTaxId})`);
    const note = await runCli(['log', key(target), '--action', 'note', '--text', 'enviada', '--format', 'json', '--lang', 'en'], folder);
    expect(JSON.parse(note.stdout).entry).toMatchObject({ id: 'G-00003', action: 'note', type: target.type, number: target.number, note: 'enviada' });
    const shown = JSON.parse((await runCli(['show', key(target), '--format', 'json'], folder)).stdout);
    expect(shown.collectionLog.map((e: { id: string }) => e.id)).toEqual(['G-00003']);
  });

  it.each<[string, () => string[], string]>([
    [
      'a promise on a paid invoice',
      () => ['promise', key(views.find((v) => v.kind === 'invoice' && v.paymentStatus === 'pagada')!), '--date', '2026-10-30'],
      'ya está pagada; no hay saldo que comprometer',
    ],
    ['a promise dated yesterday', () => ['promise', key(openInvoices()[2]!), '--date', '2026-10-14'], '--date: la fecha comprometida 14-10-2026 es anterior a hoy (15-10-2026)'],
    ['a promise above the balance', () => ['promise', key(openInvoices()[2]!), '--date', '2026-10-30', '--amount', String(openInvoices()[2]!.balance + 1)], 'supera el saldo'],
    ['a promise without a date', () => ['promise', key(openInvoices()[2]!)], 'Falta el valor de --date.'],
    ['a log entry of an unknown kind', () => ['log', key(openInvoices()[2]!), '--action', 'visita', '--text', 'x'], '--action «visita» no es una gestión; use llamada, correo o nota.'],
    ['a log entry about a RUT nobody has', () => ['log', '11.111.111-1', '--action', 'nota', '--text', 'x'], 'No hay cliente ni documentos con el RUT «11.111.111-1»'],
  ])('refuse %s, leaving the workbook as it was', async (_name, argv, message) => {
    const before = await fileHash(workbook);
    const result = await runCli(argv(), folder);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await fileHash(workbook)).toBe(before);
  });
});

describe('facturas statement', () => {
  it('agrees with the ledger in JSON, CSV and a real PDF', async () => {
    const debtor = openInvoices()[3]!;
    const owed = views.filter((v) => v.customerTaxId === debtor.customerTaxId && v.kind === 'invoice' && v.issueDate <= TODAY).reduce((sum, v) => sum + v.balance, 0);
    const statement = JSON.parse((await runCli(['statement', debtor.customerTaxId, '--format', 'json'], folder)).stdout);
    expect(statement).toMatchObject({ customerTaxId: debtor.customerTaxId, to: TODAY, closingBalance: owed });
    expect(Object.keys(statement)).toEqual(['customerTaxId', 'customerName', 'currency', 'from', 'to', 'openingBalance', 'closingBalance', 'movements', 'aging', 'collectionLog']);
    let running = statement.openingBalance;
    for (const movement of statement.movements) {
      running += movement.amount;
      expect(movement.balance).toBe(running);
    }
    expect(running).toBe(owed);
    expect(statement.aging.total).toBe(owed);

    const csv = (await runCli(['statement', debtor.customerTaxId, '--format', 'csv'], folder)).stdout;
    expect(csv.split(/\r?\n/)[0]).toBe('\uFEFFFecha;Movimiento;Cargo;Abono;Saldo');

    const file = path.join(folder, 'estado.pdf');
    const saved = await runCli(['statement', debtor.customerTaxId, '--format', 'pdf', '--out', 'estado.pdf'], folder);
    expect(saved.stdout).toBe(`Guardado en ${file}.\n`);
    const text = (await pdfText(await fs.readFile(file))).text.replace(/\s+/g, ' ');
    expect(text).toContain('ESTADO DE CUENTA');
    expect(text).toContain(statement.customerName);
    expect(text).toContain(`Saldo final ${formatMoney(owed, 'CLP')}`);
    expect(text).toContain('Antigüedad del saldo al 15-10-2026');
  });

  it('refuses a RUT that is not one, and dates the wrong way round', async () => {
    expect((await runCli(['statement', '12.345.678-9'], folder)).stderr).toBe('«12.345.678-9» no es un RUT; use p. ej. 12.345.678-5.\n');
    expect((await runCli(['statement', '11.111.111-1'], folder)).stderr).toBe('No hay cliente ni documentos con el RUT «11.111.111-1»\n');
    expect((await runCli(['statement', '11.111.111-1', '--from', '2026-10-02', '--to', '2026-10-01'], folder)).stderr).toBe('--from 2026-10-02 es posterior a --to 2026-10-01.\n');
  });
});

describe('facturas report kpis', () => {
  it('gives every figure in JSON and the indicators with the largest debtors on the terminal', async () => {
    const kpis = JSON.parse((await runCli(['report', 'kpis', '--period', '2026-09', '--format', 'json'], folder)).stdout);
    expect(Object.keys(kpis)).toEqual(expect.arrayContaining(['sales', 'receivables', 'dso', 'cei', 'over90Share', 'averageDaysToPay', 'topDebtors']));
    expect(kpis.to).toBe('2026-09-30');
    expect(kpis.topDebtors.length).toBeLessThanOrEqual(5);
    expect(typeof kpis.dso).toBe('number');
    const text = (await runCli(['report', 'kpis', '--period', '2026-09'], folder)).stdout;
    expect(text).toContain('Indicadores de cobranza');
    expect(text).toContain('Mayores deudores');
    expect(text).toContain(kpis.topDebtors[0].customerName);
  });
});

describe('facturas remind', () => {
  it('previews with --dry-run, writes real .eml files with the statement PDF, logs them, and never sends a step twice', async () => {
    const { simpleParser } = await import('mailparser');
    const before = await fileHash(workbook);
    const preview = JSON.parse((await runCli(['remind', '--dry-run', '--format', 'json'], folder)).stdout);
    expect(await fileHash(workbook)).toBe(before);
    expect(preview.asOf).toBe(TODAY);
    expect(preview.reminders.length).toBeGreaterThan(0);

    const sent = await runCli(['remind', '--format', 'json'], folder);
    expect(sent.stderr).toBe('');
    const run = JSON.parse(sent.stdout);
    expect(run).toEqual(preview);
    const outbox = path.join(folder, '.facturas', 'outbox');
    const files = (await fs.readdir(outbox)).filter((f) => f.endsWith('.eml')).sort();
    expect(files).toHaveLength(run.reminders.length);

    const first = run.reminders[0];
    const compact = first.customerTaxId.replace(/\./g, '').replace('-', '');
    const mail = await simpleParser(await fs.readFile(path.join(outbox, `${TODAY}-recordatorio-${compact}.eml`)));
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(first.email);
    expect(mail.subject).toBe(first.subject);
    for (const d of first.documents) expect(mail.text).toContain(`N° ${d.number}:`);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    expect(mail.attachments[0]!.filename).toBe(`estado-de-cuenta-${compact}.pdf`);
    const pdf = (await pdfText(mail.attachments[0]!.content)).text.replace(/\s+/g, ' ');
    expect(pdf).toContain('ESTADO DE CUENTA');
    expect(pdf).toContain(first.customerName);

    const logged = sheetRows(await loadWorkbook(workbook), 'Gestiones').filter((r) => r[6] === 'recordatorio');
    expect(logged).toHaveLength(run.reminders.reduce((n: number, r: { documents: unknown[] }) => n + r.documents.length, 0));
    expect(String(logged[0]![9])).toMatch(/^paso -?\d+ · /);

    const again = await runCli(['remind'], folder);
    expect(again.stdout).toContain('No hay recordatorios que enviar hoy.');
    expect((await fs.readdir(outbox)).filter((f) => f.endsWith('.eml'))).toHaveLength(files.length);
  });
});
