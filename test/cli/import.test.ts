import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileHash, loadWorkbook, makeFolder, removeFolder, runCli, sheetRows } from './cliHarness';

let folder: string;
let workbook: string;

beforeEach(async () => {
  folder = await makeFolder();
  workbook = path.join(folder, 'facturas.xlsx');
  expect((await runCli(['init', '--demo'], folder)).code).toBe(0);
});
afterEach(() => removeFolder(folder));

const HEADER = 'Tipo;Folio;Fecha;Vencimiento;RUT;Cliente;Email;Origen;Ref. origen;Neto;Exento;IVA;Total;Moneda;Estado;Ref. documento;Notas';
const good = (folio: number, extra: Partial<Record<'rut' | 'total' | 'date' | 'ref' | 'type', string>> = {}) =>
  [extra.type ?? '33', folio, extra.date ?? '01-10-2026', '31-10-2026', extra.rut ?? '76.086.428-5', 'Comercial Los Aromos Ltda.', 'pagos@losaromos.cl', 'Pedido', `PV-${folio}`, '250.000', '0', '47.500', extra.total ?? '297.500', 'CLP', 'Emitida', extra.ref ?? '', 'importada'].join(';');

const writeCsv = async (name: string, lines: string[], bom = true) => {
  const file = path.join(folder, name);
  await fs.writeFile(file, (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n', 'utf8');
  return name;
};

describe('facturas import', () => {
  it('rejects a file with one bad row, naming its line, folio and reason, and leaves the workbook byte for byte as it was', async () => {
    const name = await writeCsv('ventas.csv', [HEADER, good(90001), good(90002, { total: '300.000' }), good(90003)]);
    const before = await fileHash(workbook);
    const result = await runCli(['import', name], folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'Se rechazó ventas.csv: una fila tiene errores; no se importó nada.',
      'ventas.csv, línea 3 (folio 90002), columna Total: «300.000» no es Neto + Exento + IVA ($297.500)',
    ]);
    expect(await fileHash(workbook)).toBe(before);
  });

  it('lists every bad row: bad RUT, bad date, duplicates in the file and in the workbook, unknown reference', async () => {
    const name = await writeCsv('lote.csv', [
      HEADER,
      good(90001),
      good(90002, { rut: '76.086.428-6' }),
      good(90003, { date: '31-02-2026' }),
      good(90001),
      good(1001),
      good(7001, { type: '61', ref: '33-424242' }),
      good(90004),
    ]);
    const before = await fileHash(workbook);
    const result = await runCli(['import', name, '--lang', 'es'], folder);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Se rechazó lote.csv: 5 filas tienen errores; no se importó nada.');
    expect(lines.slice(1)).toEqual([
      'lote.csv, línea 3 (folio 90002), columna RUT: «76.086.428-6» tiene el dígito verificador incorrecto',
      'lote.csv, línea 4 (folio 90003), columna Fecha: «31-02-2026» no es una fecha válida (use AAAA-MM-DD o DD-MM-AAAA)',
      'lote.csv, línea 5 (folio 90001), columna Folio: el documento 33-90001 ya aparece en la línea 2 del archivo',
      // Same type and folio with other data: each difference is named.
      'lote.csv, línea 6 (folio 1001), columna RUT: el documento 33-1001 ya está en el libro (Facturas, fila 2) con RUT «65.112.270-8»; el archivo dice «76.086.428-5»',
      'lote.csv, línea 6 (folio 1001), columna Neto: el documento 33-1001 ya está en el libro (Facturas, fila 2) con Neto «$259.600»; el archivo dice «$250.000»',
      'lote.csv, línea 6 (folio 1001), columna IVA: el documento 33-1001 ya está en el libro (Facturas, fila 2) con IVA «$49.324»; el archivo dice «$47.500»',
      'lote.csv, línea 6 (folio 1001), columna Total: el documento 33-1001 ya está en el libro (Facturas, fila 2) con Total «$308.924»; el archivo dice «$297.500»',
      'lote.csv, línea 7 (folio 7001), columna Ref. documento: «33-424242» no corresponde a ningún documento del libro ni de esta importación',
    ]);
    expect(await fileHash(workbook)).toBe(before);
  });

  it('appends every row of a good file as typed cells, with derived columns, and shows them afterwards', async () => {
    const name = await writeCsv('buenas.csv', [HEADER, good(90001), good(90002, { date: '2026-10-02' }), good(7001, { type: '61', ref: '33-90001', total: '297.500' })]);
    const rowsBefore = sheetRows(await loadWorkbook(workbook), 'Facturas').length;
    const result = await runCli(['import', name], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`Se importaron 3 documentos de buenas.csv en ${workbook}.\nbuenas.csv (CSV de Facturas, UTF-8 con BOM): 3 nuevos, 0 ya estaban en el libro.\n`);

    const rows = sheetRows(await loadWorkbook(workbook), 'Facturas');
    expect(rows).toHaveLength(rowsBefore + 3);
    expect(rows[rowsBefore]).toEqual([
      33, 90001, new Date(Date.UTC(2026, 9, 1)), new Date(Date.UTC(2026, 9, 31)), '76.086.428-5', 'Comercial Los Aromos Ltda.', 'pagos@losaromos.cl', 'Pedido', 'PV-90001',
      250_000, 0, 47_500, 297_500, 'CLP', 'Emitida', '', 'importada', 0, 0, 'pagada', 0,
    ]);
    expect(rows[rowsBefore + 2]!.slice(0, 2)).toEqual([61, 7001]);

    const shown = JSON.parse((await runCli(['show', '33-90002', '--format', 'json'], folder)).stdout);
    expect(shown).toMatchObject({ type: 33, number: 90002, issueDate: '2026-10-02', total: 297_500, balance: 297_500, paymentStatus: 'pending' });
  });

  it('reads comma-separated files with English headers and no BOM', async () => {
    const header = 'Type,Number,Date,Due date,Tax ID,Customer,Origin,Net,Exempt,VAT,Total,State';
    const name = await writeCsv('en.csv', [header, '34,90001,2026-10-03,,12.531.909-2,"Muñoz, Juan Pablo",Directa,0,"150.000",0,150000,Emitida'], false);
    const result = await runCli(['import', name], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const shown = JSON.parse((await runCli(['show', '34-90001', '--format', 'json'], folder)).stdout);
    expect(shown).toMatchObject({ customerName: 'Muñoz, Juan Pablo', exempt: 150_000, total: 150_000, dueDate: '2026-10-03' });
  });

  it('names missing columns, ragged lines, an empty file and a missing file', async () => {
    const before = await fileHash(workbook);
    const missing = await runCli(['import', await writeCsv('cols.csv', ['Tipo;Folio;Fecha', '33;1;2026-10-01'])], folder);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cols.csv: falta la columna RUT (o Tax ID) en la fila de encabezados');
    const ragged = await runCli(['import', await writeCsv('ragged.csv', [HEADER, good(90001), '33;90002;2026-10-01'])], folder);
    expect(ragged.stderr.trimEnd().split('\n')).toEqual(['Se rechazó ragged.csv: una fila tiene errores; no se importó nada.', 'ragged.csv, línea 3: la línea tiene 3 columnas y el encabezado 17']);
    const empty = await runCli(['import', await writeCsv('empty.csv', [HEADER])], folder);
    expect(empty.stderr).toBe('empty.csv: el archivo no tiene filas de datos\n');
    const absent = await runCli(['import', 'nada.csv'], folder);
    expect(absent).toMatchObject({ code: 1, stderr: `No existe el archivo ${path.join(folder, 'nada.csv')}.\n` });
    expect(await fileHash(workbook)).toBe(before);
  });
});
