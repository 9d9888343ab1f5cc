import path from 'node:path';
import { CHILE, type InvoiceView, buildLedger } from '../../core';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { NOW, TODAY, fileHash, loadWorkbook, makeFolder, removeFolder, runCli, sheetRows } from './cliHarness';

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
const openInvoice = (skip = 0) => views.filter((v) => v.type === 33 && v.balance > 50_000 && v.paymentStatus !== 'anulada')[skip]!;

describe('facturas pay refuses, with a message and the workbook unchanged', () => {
  const refusals: [string, () => string[], RegExp][] = [
    ['an unknown document', () => ['pay', '33-999999', '--amount', '1000'], /^No existe el documento «33-999999»/],
    ['a zero amount', () => ['pay', key(openInvoice()), '--amount', '0'], /^--amount: el monto «0» debe ser mayor que cero/],
    ['a negative amount', () => ['pay', key(openInvoice()), '--amount', '-5000'], /^--amount: el monto «-5000» debe ser mayor que cero/],
    ['an amount beyond the balance', () => ['pay', key(openInvoice()), '--amount', String(openInvoice().balance + 1)], /^--amount: el monto \$[\d.]+ supera el saldo de 33-\d+ \(\$[\d.]+\)/],
    ['a void document', () => ['pay', key(views.find((v) => v.paymentStatus === 'anulada' && v.type === 33)!), '--amount', '1000'], /^33-\d+ está anulada y no admite pagos/],
    ['a credit note', () => ['pay', key(views.find((v) => v.type === 61 && v.state === 'emitida')!), '--amount', '1000'], /^61-\d+ es una nota; registre el pago en 3[34]-\d+/],
    ['text as the amount', () => ['pay', key(openInvoice()), '--amount', 'mil'], /^--amount «mil» no es un monto/],
    ['no amount at all', () => ['pay', key(openInvoice())], /^Falta el valor de --amount\./],
    ['an impossible date', () => ['pay', key(openInvoice()), '--amount', '1000', '--date', '2026-02-30'], /^--date «2026-02-30» no es una fecha/],
    ['a thousands comma on pesos, which once recorded $1', () => ['pay', key(openInvoice()), '--amount', '1,000'], /^--amount: «1,000» se puede leer de dos maneras en CLP/],
    ['dollars on a peso invoice', () => ['pay', key(openInvoice()), '--amount', 'US$5'], /^--amount: «US\$5» está en USD y el documento en CLP/],
    ['a date after today', () => ['pay', key(openInvoice()), '--amount', '1000', '--date', '2026-12-01'], /2026-12-01/],
  ];

  it.each(refusals)('%s', async (_name, argv, message) => {
    const before = await fileHash(workbook);
    const result = await runCli(argv(), folder);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(await fileHash(workbook)).toBe(before);
  });
});

describe('facturas pay records', () => {
  it('appends to Pagos and Historial and refreshes the derived cells', async () => {
    const target = openInvoice(1);
    const result = await runCli(['pay', key(target), '--amount', '12.500', '--method', 'Cheque', '--ref', 'CH-77', '--user', 'ana', '--date', '14-10-2026'], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Pago de \\$12\\.500 registrado en ${key(target)} \\(.+\\)\\. Saldo: \\$[\\d.]+; estado: \\w+ → \\w+\\.\\n$`));

    const book = await loadWorkbook(workbook);
    const pagos = sheetRows(book, 'Pagos');
    expect(pagos.at(-1)).toEqual([new Date(Date.UTC(2026, 9, 14)), target.type, target.number, 12_500, 'Cheque', 'CH-77', 'ana']);
    const historial = sheetRows(book, 'Historial');
    const entry = historial.at(-1)!;
    expect(entry[0]).toMatch(/^H-\d{5}$/);
    expect(entry[1]).toEqual(NOW);
    expect(entry.slice(2)).toEqual([target.type, target.number, target.paymentStatus, expect.any(String), 12_500, 'ana', 'cli']);
    const row = sheetRows(book, 'Facturas')[target.row - 2]!;
    expect(row.slice(17, 19)).toEqual([target.paid + 12_500, target.balance - 12_500]);

    // `show` prints that Historial entry on the business clock: 15:00 UTC is 12:00 in Santiago.
    const shown = await runCli(['show', key(target)], folder);
    expect(shown.stdout).toContain('Fecha y hora');
    expect(shown.stdout).toMatch(/15-10-2026 12:00 +\S+ +\S+ +\$12\.500 +ana +cli/);
    expect(shown.stdout).not.toContain('15-10-2026 15:00');
  });

  it('prints the before and after positions as JSON', async () => {
    const target = openInvoice(2);
    const result = await runCli(['pay', key(target), '--amount', '1000', '--format', 'json'], folder);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body.payment).toMatchObject({ type: target.type, number: target.number, amount: 1000, date: TODAY });
    expect(body.before.balance - body.after.balance).toBe(1000);
    expect(body.after.paymentStatus).toMatch(/^(pending|partial|overdue|paid)$/);
  });
});

describe('facturas void', () => {
  it('voids a document once and refuses the second time', async () => {
    const target = openInvoice(3);
    const first = await runCli(['void', key(target)], folder);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(new RegExp(`^${key(target)} \\(.+\\) quedó anulada`));
    const book = await loadWorkbook(workbook);
    expect(sheetRows(book, 'Facturas')[target.row - 2]![14]).toBe('Anulada');
    expect(sheetRows(book, 'Historial').at(-1)!.slice(2, 6)).toEqual([target.type, target.number, target.paymentStatus, 'anulada']);

    const before = await fileHash(workbook);
    const second = await runCli(['void', key(target)], folder);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(`${key(target)} ya está anulada\n`);
    expect(await fileHash(workbook)).toBe(before);
  });
});
