import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pdfText } from '../node/pdfText';
import ExcelJS from 'exceljs';
import { TODAY, fileHash, loadWorkbook, makeFolder, removeFolder, runCli } from './cliHarness';

let folder: string;

beforeAll(async () => {
  folder = await makeFolder();
  expect(await runCli(['init', '--demo'], folder)).toMatchObject({ code: 0, stderr: '' });
});
afterAll(() => removeFolder(folder));

const json = async (argv: string[]) => {
  const result = await runCli(argv, folder);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
};

describe('facturas init', () => {
  it('creates every tab and refuses to overwrite without --force', async () => {
    const workbook = path.join(folder, 'facturas.xlsx');
    expect((await loadWorkbook(workbook)).worksheets.map((s) => s.name)).toEqual(['Facturas', 'Detalle', 'Pagos', 'Clientes', 'Historial', 'Empresa', 'Gestiones', 'Recordatorios']);
    const before = await fileHash(workbook);
    const again = await runCli(['init'], folder);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`Ya existe el libro ${workbook}; use --force para reemplazarlo o --workbook para crear otro.\n`);
    const ifMissing = await runCli(['init', '--demo', '--if-missing'], folder);
    expect(ifMissing).toMatchObject({ code: 0, stdout: `El libro ${workbook} ya existe; no se cambió.\n` });
    expect(await fileHash(workbook)).toBe(before);
  });

  it('creates an empty workbook elsewhere with --workbook, and replaces it with --force', async () => {
    const other = path.join(folder, 'otro', 'libro.xlsx');
    await fs.mkdir(path.dirname(other));
    expect(await runCli(['init', '--workbook', 'otro/libro.xlsx'], folder)).toMatchObject({ code: 0, stdout: `Libro creado en ${other} con todas las hojas.\n` });
    expect(await json(['search', '--workbook', other, '--format', 'json'])).toMatchObject({ matched: 0, items: [] });
    expect((await runCli(['init', '--demo', '--force'], folder, { FACTURAS_WORKBOOK: other })).code).toBe(0);
    expect((await json(['search', '--workbook', other, '--format', 'json'])).matched).toBeGreaterThan(250);
  });
});

describe('facturas search', () => {
  it('lists documents as JSON with the English fields of docs/cli.md', async () => {
    const body = await json(['search', '--format', 'json', '--limit', '5']);
    expect(body).toMatchObject({ query: '', asOf: TODAY, offset: 0, limit: 5 });
    expect(body.matched).toBeGreaterThan(250);
    expect(body.items).toHaveLength(5);
    expect(Object.keys(body.items[0])).toEqual(
      expect.arrayContaining(['type', 'number', 'issueDate', 'dueDate', 'customerTaxId', 'customerName', 'origin', 'originRef', 'net', 'exempt', 'tax', 'total', 'paid', 'balance', 'paymentStatus']),
    );
    expect(body.totals[0]).toMatchObject({ currency: 'CLP', count: body.matched });
  });

  it('filters with the query language and pages with --offset', async () => {
    const overdue = await json(['search', 'estado:vencida', 'orden:-saldo', '--format', 'json', '--limit', '3']);
    expect(overdue.items.map((i: { paymentStatus: string }) => i.paymentStatus)).toEqual(['overdue', 'overdue', 'overdue']);
    const balances = overdue.items.map((i: { balance: number }) => i.balance);
    expect([...balances].sort((a, b) => b - a)).toEqual(balances);
    const next = await json(['search', 'estado:vencida', 'orden:-saldo', '--format', 'json', '--limit', '3', '--offset', '3']);
    expect(next.items[0].balance).toBeLessThanOrEqual(balances[2]);
    const people = await json(['search', 'nunoa', '--format', 'json', '--limit', '1000']);
    expect(people.items.length).toBeGreaterThan(0);
    expect(people.items.every((i: { customerName: string }) => i.customerName === 'Municipalidad de Ñuñoa')).toBe(true);
  });

  it('prints a table with Chilean amounts and dates, and CSV', async () => {
    const table = await runCli(['search', 'tipo:33', '--limit', '2'], folder);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Documentos que coinciden con «tipo:33»\n1 a 2 de \d+ documentos, al 15-10-2026\n/);
    expect(table.stdout).toMatch(/\d{2}-\d{2}-2026/);
    expect(table.stdout).toMatch(/\$\d{1,3}(\.\d{3})+/);
    const csv = await runCli(['search', 'tipo:33', '--limit', '2', '--format', 'csv'], folder);
    expect(csv.stdout.split('\r\n')[0]).toBe('\uFEFFTipo;Folio;Fecha;Vence;RUT;Cliente;Total;Saldo;Estado');
  });

  it('explains a malformed query in one line', async () => {
    const result = await runCli(['search', 'estadox:vencida'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('«estadox:vencida»');
  });
});

describe('facturas show', () => {
  it('gives a document with lines, payments, notes and history as JSON', async () => {
    const paid = (await json(['search', 'estado:pagada', 'tipo:33', '--format', 'json', '--limit', '1'])).items[0];
    const body = await json(['show', `${paid.type}-${paid.number}`, '--format', 'json']);
    expect(body).toMatchObject({ type: paid.type, number: paid.number, paymentStatus: 'paid', balance: 0 });
    expect(body.lines.length).toBeGreaterThan(0);
    expect(body.lines.reduce((sum: number, l: { amount: number; exempt: boolean }) => sum + (l.exempt ? 0 : l.amount), 0)).toBe(body.net);
    expect(body.payments.reduce((sum: number, p: { amount: number }) => sum + p.amount, 0)).toBe(body.paid);
    expect(body.history.at(-1)).toMatchObject({ newStatus: 'paid' });
  });

  it('shows it for people, and names an unknown document', async () => {
    const text = await runCli(['show', '33-1001'], folder);
    expect(text.stdout).toMatch(/^Factura electrónica 33-1001 — .+ \(\d{1,2}\.\d{3}\.\d{3}-[\dK]\)\n/);
    expect(text.stdout).toContain('Detalle');
    const unknown = await runCli(['show', '33-999999'], folder);
    expect(unknown).toMatchObject({ code: 1, stdout: '', stderr: 'No existe el documento «33-999999»\n' });
  });
});

describe('facturas report', () => {
  it('gives the status summary and ageing as JSON', async () => {
    const status = await json(['report', 'status', '--format', 'json']);
    expect(status.asOf).toBe(TODAY);
    expect(status.lines.map((l: { status: string }) => l.status)).toEqual(['pending', 'partial', 'overdue', 'paid', 'void']);
    expect(status.lines.every((l: { count: number }) => l.count > 0)).toBe(true);
    const aging = await json(['report', 'aging', '--format', 'json']);
    expect(aging.totals.total).toBe(status.totals.balance);
  });

  it('gives the Libro de Ventas of a period in the §4 shape', async () => {
    const libro = await json(['report', 'libro-ventas', '--period', '2026-09', '--format', 'json']);
    expect(Object.keys(libro)).toEqual(['period', 'rows', 'totals', 'grandTotal']);
    expect(libro.period).toBe('2026-09');
    expect(libro.rows.every((r: { date: string }) => r.date.startsWith('2026-09'))).toBe(true);
    expect(Object.keys(libro.rows[0]).sort()).toEqual(['customerName', 'customerTaxId', 'date', 'exempt', 'net', 'number', 'otherTaxes', 'tax', 'total', 'type', 'void'].sort());
  });

  it('writes xlsx and pdf files, and asks for --out when missing', async () => {
    expect(await runCli(['report', 'aging', '--format', 'xlsx', '--out', 'aging.xlsx'], folder)).toMatchObject({ code: 0, stdout: `Guardado en ${path.join(folder, 'aging.xlsx')}.\n` });
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.readFile(path.join(folder, 'aging.xlsx'));
    expect(xlsx.worksheets[0]!.getCell(1, 1).value).toBe('Antigüedad de saldos por cobrar');
    expect((await runCli(['report', 'libro-ventas', '--period', '2026-09', '--format', 'pdf', '--out', 'libro.pdf'], folder)).code).toBe(0);
    expect((await pdfText(await fs.readFile(path.join(folder, 'libro.pdf')))).text).toContain('Libro de Ventas');
    expect(await runCli(['report', 'status', '--format', 'pdf'], folder)).toMatchObject({ code: 2, stderr: 'El formato pdf es un archivo: indique dónde guardarlo con --out ARCHIVO.\n' });
  });

  it('rejects bad report names, periods and formats in whole sentences', async () => {
    expect((await runCli(['report', 'ventas'], folder)).stderr).toBe('«ventas» no es un informe; use status, aging, libro-ventas, f29 o kpis.\n');
    expect((await runCli(['report', 'libro-ventas', '--period', '2026-13'], folder)).stderr).toBe('--period «2026-13» no es un período; use AAAA-MM, p. ej. 2026-10.\n');
    expect((await runCli(['report', 'status', '--format', 'html'], folder)).stderr).toBe('--format «html» no es un formato; use table, json, csv, xlsx o pdf.\n');
    expect((await runCli(['show', '33-1001', '--format', 'csv'], folder)).stderr).toBe('«facturas show» no admite --format csv; use table, json.\n');
  });
});

describe('facturas pdf', () => {
  it('saves the PDF of a document with its customer and total', async () => {
    const result = await runCli(['pdf', '33-1001', '--out', 'f.pdf'], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const shown = await json(['show', '33-1001', '--format', 'json']);
    const { text } = await pdfText(await fs.readFile(path.join(folder, 'f.pdf')));
    expect(text).toContain(shown.customerName);
    expect(text).toContain('1001');
  });
});

describe('the command line itself', () => {
  it('prints help for the tool and for each command, in Spanish or English', async () => {
    const general = await runCli(['--help'], folder);
    expect(general.code).toBe(0);
    for (const name of ['init', 'import', 'search', 'show', 'pay', 'void', 'report', 'pdf', 'serve']) expect(general.stdout).toContain(`  ${name} `);
    expect((await runCli(['pay', '--help', '--lang', 'en'], folder)).stdout).toMatch(/^Usage: facturas pay \[TYPE-\]NUMBER --amount N/);
    expect((await runCli(['help', 'search'], folder)).stdout).toContain('estado:vencida');
    expect((await runCli(['search', '--help'], folder, { FACTURAS_LANG: 'en' })).stdout).toContain('status:overdue');
  });

  it('refuses unknown commands and options, and bad global values, one line each', async () => {
    expect(await runCli(['pagar'], folder)).toMatchObject({ code: 2, stderr: '«facturas pagar» no es un comando; use «facturas --help» para ver la lista.\n' });
    expect(await runCli([], folder)).toMatchObject({ code: 2, stderr: 'Falta el comando; use «facturas --help» para ver la lista.\n' });
    const many = await runCli(['search', '--bogus', '--limite', '3'], folder);
    expect(many.stderr.trimEnd().split('\n')).toEqual([
      '--bogus no es una opción de «facturas search»; vea «facturas search --help».',
      '--limite no es una opción de «facturas search»; vea «facturas search --help».',
    ]);
    expect((await runCli(['search', '--as-of', '2026-02-30'], folder)).stderr).toBe('--as-of «2026-02-30» no es una fecha; use AAAA-MM-DD, p. ej. 2026-10-15.\n');
    expect((await runCli(['search', '--limit', '0'], folder)).stderr).toBe('--limit «0» debe ser un número entero entre 1 y 1000000.\n');
    expect((await runCli(['search', '--lang', 'fr'], folder)).stderr).toBe('--lang «fr» no es un idioma; use es o en.\n');
    expect((await runCli(['search'], folder, { FACTURAS_TIMEZONE: 'Marte/Olympus' })).stderr).toBe('FACTURAS_TIMEZONE «Marte/Olympus» no es una zona horaria; use p. ej. America/Santiago.\n');
    expect((await runCli(['show'], folder)).stderr).toBe('Falta un argumento: facturas show [TIPO-]FOLIO\n');
    expect((await runCli(['show', '1', '2'], folder, { FACTURAS_LANG: 'en' })).stderr).toBe('"facturas show" did not expect "2"; see "facturas show --help".\n');
  });

  it('names the missing workbook and suggests facturas init', async () => {
    const result = await runCli(['search', '--workbook', 'nada.xlsx'], folder);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(`No existe el libro ${path.join(folder, 'nada.xlsx')}; créelo con «facturas init» (o «facturas init --demo» con datos de ejemplo) o indique otro con --workbook.\n`);
  });

  it('warns about unreadable rows on stderr and still answers', async () => {
    const broken = path.join(folder, 'roto.xlsx');
    await fs.copyFile(path.join(folder, 'facturas.xlsx'), broken);
    const workbook = await loadWorkbook(broken);
    workbook.getWorksheet('Facturas')!.getCell('M3').value = 'mucho';
    workbook.getWorksheet('Pagos')!.getCell('A2').value = '31-02-2026';
    await workbook.xlsx.writeFile(broken);
    const result = await runCli(['search', '--workbook', broken, '--format', 'json', '--limit', '1'], folder);
    expect(result.code).toBe(0);
    const warnings = result.stderr.trimEnd().split('\n');
    expect(warnings).toEqual(
      expect.arrayContaining([
        'Aviso: Facturas, fila 3, columna Total: «mucho» no es un monto válido (use p. ej. 297500 o 297.500)',
        'Aviso: Pagos, fila 2, columna Fecha: «31-02-2026» no es una fecha válida (use AAAA-MM-DD o DD-MM-AAAA)',
      ]),
    );
    // Lines and payments of the unreadable document are named too, each on its own line.
    for (const warning of warnings) expect(warning).toMatch(/^Aviso: (Facturas|Detalle|Pagos), fila \d+, columna [\wÁ-ú. ]+: .+/);
    expect(JSON.parse(result.stdout).matched).toBeGreaterThan(250);
  });
});
