import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileHash, makeFolder, removeFolder, runCli } from './cliHarness';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'sii');
const HEADER = 'Tipo;Folio;Fecha;Vencimiento;RUT;Cliente;Email;Origen;Ref. origen;Neto;Exento;IVA;Total;Moneda;Estado;Ref. documento;Notas';
const row = (type: number, folio: number, date: string, rut: string, net: number, exempt: number, tax: number, state = 'Emitida', reference = '') =>
  [type, folio, date, '', rut, 'Cliente', '', 'Directa', '', net, exempt, tax, net + exempt + tax, 'CLP', state, reference, ''].join(';');

/** October 2026 as the workbook has it; the RCV fixture is the SII's side of the same month. */
const OCTOBER = [
  row(33, 80001, '2026-10-01', '76.086.428-5', 1_000_000, 0, 190_000),
  row(33, 80002, '2026-10-02', '12.531.909-2', 500_000, 0, 95_000),
  row(34, 80003, '2026-10-04', '76.086.428-5', 0, 300_000, 0),
  row(33, 80004, '2026-10-07', '12.531.909-2', 200_000, 0, 38_000),
  row(33, 80005, '2026-10-20', '12.531.909-2', 100_000, 0, 19_000),
  row(33, 80006, '2026-10-21', '12.531.909-2', 100_000, 0, 19_000, 'Anulada'),
  row(39, 500, '2026-10-31', '66.666.666-6', 840_336, 0, 159_664),
  row(61, 80010, '2026-10-22', '12.531.909-2', 10_000, 0, 1_900, 'Emitida', '33-80005'),
  row(56, 80011, '2026-10-23', '76.086.428-5', 20_000, 0, 3_800, 'Emitida', '33-80001'),
  row(33, 70001, '2026-09-30', '76.086.428-5', 100_000, 0, 19_000),
];

let folder: string;
beforeEach(async () => {
  folder = await makeFolder();
  expect((await runCli(['init'], folder)).code).toBe(0);
  await fs.writeFile(path.join(folder, 'octubre.csv'), `${HEADER}\n${OCTOBER.join('\n')}\n`);
  expect((await runCli(['import', 'octubre.csv'], folder)).code).toBe(0);
  await fs.copyFile(path.join(FIXTURES, 'rcv-ventas-2026-10.csv'), path.join(folder, 'rcv.csv'));
});
afterEach(() => removeFolder(folder));

describe('facturas sii reconcile', () => {
  it('lists what is only on one side, each difference by field and the claimed documents, changing nothing', async () => {
    const before = await fileHash(path.join(folder, 'facturas.xlsx'));
    const result = await runCli(['sii', 'reconcile', 'rcv.csv', '--format', 'json'], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      period: '2026-10',
      counts: { rcv: 5, workbook: 7, matched: 4 },
      onlyInRcv: [{ type: 61, number: 80001, issueDate: '2026-10-06', customerTaxId: '76.086.428-5', total: 119_000 }],
      onlyInWorkbook: [
        { type: 33, number: 80005, issueDate: '2026-10-20', customerTaxId: '12.531.909-2', total: 119_000 },
        { type: 56, number: 80011, issueDate: '2026-10-23', customerTaxId: '76.086.428-5', total: 23_800 },
        { type: 61, number: 80010, issueDate: '2026-10-22', customerTaxId: '12.531.909-2', total: 11_900 },
      ],
      differences: [
        { type: 33, number: 80002, field: 'otherTaxes', workbook: 0, rcv: 140_000 },
        { type: 33, number: 80002, field: 'total', workbook: 595_000, rcv: 735_000 },
        { type: 34, number: 80003, field: 'issueDate', workbook: '2026-10-04', rcv: '2026-10-05' },
      ],
      claimed: [{ type: 33, number: 80004, claimDate: '2026-10-10' }],
    });
    expect(await fileHash(path.join(folder, 'facturas.xlsx'))).toBe(before);
    // Kept for the bot's daily alert, beside the workbook.
    const kept = JSON.parse(await fs.readFile(path.join(folder, 'facturas.xlsx.sii-reclamos.json'), 'utf8'));
    expect(kept).toMatchObject({ period: '2026-10', file: 'rcv.csv', claimed: [{ type: 33, number: 80004, claimDate: '2026-10-10' }] });
  });

  it('prints a table in English, and refuses a file that is not an RCV export', async () => {
    const table = await runCli(['sii', 'reconcile', 'rcv.csv', '--lang', 'en'], folder);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Reconciliation with the SII RCV');
    expect(table.stdout).toMatch(/Difference\s+33\s+80002\s+Other taxes\s+\$0\s+\$140\.000/);
    expect(table.stdout).toMatch(/Claimed in the RCV\s+33\s+80004\s+10-10-2026/);
    const wrong = await runCli(['sii', 'reconcile', 'octubre.csv'], folder);
    expect(wrong).toMatchObject({ code: 1, stderr: 'octubre.csv: falta la columna «Nro;Tipo Doc;Tipo Venta;Rut cliente» de la exportación de ventas del RCV\n' });
  });
});

describe('facturas report f29', () => {
  it('gives the débitos lines of the month with their SII codes', async () => {
    const result = await runCli(['report', 'f29', '--period', '2026-10', '--format', 'json'], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { period, lines } = JSON.parse(result.stdout) as { period: string; lines: { code: number; label: string; value: number }[] };
    expect(period).toBe('2026-10');
    expect(lines.map(({ code, value }) => [code, value])).toEqual([
      [586, 1],
      [142, 300_000],
      [503, 4],
      [502, 342_000],
      [110, 1],
      [111, 159_664],
      [512, 1],
      [513, 3_800],
      [509, 1],
      [510, 1_900],
      [538, 503_564],
    ]);
    expect(lines.find((line) => line.code === 502)!.label).toBe('Débito de facturas emitidas por ventas y servicios del giro');
    const table = await runCli(['report', 'f29', '--period', '2026-10', '--lang', 'en'], folder);
    expect(table.stdout).toMatch(/538\s+Total debits\s+\$503\.564/);
  });
});
