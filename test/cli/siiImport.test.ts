import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pdfText } from '../node/pdfText';
import { fileHash, loadWorkbook, makeFolder, removeFolder, runCli, sheetRows } from './cliHarness';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'sii');

let folder: string;
let workbook: string;

beforeEach(async () => {
  folder = await makeFolder();
  workbook = path.join(folder, 'facturas.xlsx');
  expect((await runCli(['init', '--demo'], folder)).code).toBe(0);
  for (const name of await fs.readdir(FIXTURES)) await fs.copyFile(path.join(FIXTURES, name), path.join(folder, name));
});
afterEach(() => removeFolder(folder));

const show = async (key: string) => JSON.parse((await runCli(['show', key, '--format', 'json'], folder)).stdout);

describe('facturas import: the SII RCV sales export', () => {
  it('imports a Windows-1252 export: names trimmed and decoded, continuation lines as other taxes, notes on their invoice, boleta summaries left out', async () => {
    const result = await runCli(['import', 'rcv-ventas-2026-10.csv'], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      `Se importaron 5 documentos de rcv-ventas-2026-10.csv en ${workbook}.`,
      'rcv-ventas-2026-10.csv (exportación de ventas del RCV, Windows-1252): 5 nuevos, 0 ya estaban en el libro, 1 de resumen de boletas, omitidas.',
    ]);
    expect(await show('33-80002')).toMatchObject({
      customerName: 'FERRETERÍA PEÑALOLÉN LTDA',
      customerTaxId: '12.531.909-2',
      issueDate: '2026-10-02',
      net: 500_000,
      tax: 95_000,
      otherTaxes: 140_000,
      total: 735_000,
    });
    expect(await show('33-80001')).toMatchObject({ customerName: 'Comercial Los Aromos Ltda.', total: 1_190_000, balance: 1_071_000 });
    expect(await show('61-80001')).toMatchObject({ reference: '33-80001', total: 119_000 });
    expect(await show('33-80004')).toMatchObject({ origin: 'nota-entrega', originRef: '4410' });
    const rows = sheetRows(await loadWorkbook(workbook), 'Facturas');
    expect(rows.flat().some((cell) => typeof cell === 'string' && cell.includes('\ufffd'))).toBe(false);
  });

  it('keeps other taxes in Total everywhere: the Libro de Ventas and the invoice PDF show them', async () => {
    expect((await runCli(['import', 'rcv-ventas-2026-10.csv'], folder)).code).toBe(0);
    const libro = JSON.parse((await runCli(['report', 'libro-ventas', '--period', '2026-10', '--format', 'json'], folder)).stdout);
    expect(libro.rows.find((r: { number: number }) => r.number === 80002)).toMatchObject({ net: 500_000, tax: 95_000, otherTaxes: 140_000, total: 735_000 });
    const table = (await runCli(['report', 'libro-ventas', '--period', '2026-10'], folder)).stdout;
    expect(table).toMatch(/Otros impuestos/);
    expect(table).toMatch(/80002.*\$500\.000\s+\$95\.000\s+\$140\.000\s+\$735\.000/);
    expect((await runCli(['pdf', '33-80002', '--out', '33-80002.pdf'], folder)).code).toBe(0);
    const { text } = await pdfText(await fs.readFile(path.join(folder, '33-80002.pdf')));
    expect(text.replace(/\s+/g, ' ')).toMatch(/Otros impuestos \$140\.000/);
  });

  it('importing the same export again adds nothing and says they were already there', async () => {
    expect((await runCli(['import', 'rcv-ventas-2026-10.csv'], folder)).code).toBe(0);
    const rowsAfterFirst = sheetRows(await loadWorkbook(workbook), 'Facturas').length;
    const before = await fileHash(workbook);
    const again = await runCli(['import', 'rcv-ventas-2026-10.csv', '--lang', 'en'], folder);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toContain('rcv-ventas-2026-10.csv (RCV sales export, Windows-1252): 0 new, 5 already in the workbook, 1 boleta summary lines, left out.');
    expect(sheetRows(await loadWorkbook(workbook), 'Facturas')).toHaveLength(rowsAfterFirst);
    // Nothing to add is nothing written: the file stays byte for byte.
    expect(await fileHash(workbook)).toBe(before);
  });

  it('refuses an export whose document has the same type and folio as one in the workbook with other amounts, naming each difference', async () => {
    const text = (await fs.readFile(path.join(folder, 'rcv-ventas-2026-10.csv'), 'latin1'))
      .replace(';80003;05/10/2026;05/10/2026 11:00:00;;;300000;0;0;300000;', ';1001;05/10/2026;05/10/2026 11:00:00;;;300000;0;0;300000;')
      .replace(';34;', ';33;');
    await fs.writeFile(path.join(folder, 'changed.csv'), text, 'latin1');
    const before = await fileHash(workbook);
    const result = await runCli(['import', 'changed.csv'], folder);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Se rechazó changed.csv: una fila tiene errores; no se importó nada.');
    expect(lines.slice(1).every((line) => line.startsWith('changed.csv, línea 5 (folio 1001), columna '))).toBe(true);
    expect(lines.map((line) => /columna ([^:]+):/.exec(line)?.[1]).filter(Boolean)).toEqual(['Rut cliente', 'Monto Neto', 'Monto Exento', 'Monto IVA', 'Monto total']);
    expect(await fileHash(workbook)).toBe(before);
  });
});

describe('facturas import: DTE XML', () => {
  it('reads an ISO-8859-1 EnvioDTE: lines, purchase order origin, and the credit note on its invoice from the same file', async () => {
    const result = await runCli(['import', 'envio-dte-iso-8859-1.xml'], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('envio-dte-iso-8859-1.xml (XML de DTE, ISO-8859-1): 2 nuevos, 0 ya estaban en el libro.');
    const invoice = await show('33-80101');
    expect(invoice).toMatchObject({ customerName: 'Ferretería Peñalolén Ltda.', dueDate: '2026-11-07', origin: 'pedido', originRef: 'OC-7781', total: 297_500, balance: 261_800 });
    expect(await show('61-80102')).toMatchObject({ reference: '33-80101', total: 35_700 });
    const lines = sheetRows(await loadWorkbook(workbook), 'Detalle').filter((row) => row[1] === 80101 || row[1] === 80102);
    expect(lines).toEqual([
      [33, 80101, 'Martillo carpintero 16 oz', 10, 15_000, 0, 'no'],
      [33, 80101, 'Caja de clavos 2½"', 20, 5_000, 0, 'no'],
      [61, 80102, 'Devolución de 2 martillos', 2, 15_000, 0, 'no'],
    ]);
  });

  it('reads a WINDOWS-1252 DTE with an additional tax (ImptoReten) and an exempt line', async () => {
    const result = await runCli(['import', 'dte-windows-1252.xml'], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('(XML de DTE, Windows-1252)');
    expect(await show('33-80103')).toMatchObject({ customerName: 'Comercial “Los Aromos” Ltda.', net: 100_000, exempt: 5_000, tax: 19_000, otherTaxes: 10_000, total: 134_000 });
  });

  it('refuses a credit note whose invoice is in neither the workbook nor the import, naming it', async () => {
    const before = await fileHash(workbook);
    const result = await runCli(['import', 'nota-credito-sin-factura.xml'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'Se rechazó nota-credito-sin-factura.xml: una fila tiene errores; no se importó nada.',
      'nota-credito-sin-factura.xml, documento 1 (folio 80104), campo Referencia: «33-999999» no corresponde a ningún documento del libro ni de esta importación',
    ]);
    expect(await fileHash(workbook)).toBe(before);
  });

  it('takes the files of one call together or not at all', async () => {
    const before = await fileHash(workbook);
    const result = await runCli(['import', 'dte-windows-1252.xml', 'nota-credito-sin-factura.xml', '--lang', 'en'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('The files of one import go in together or not at all: none was imported.');
    expect(await fileHash(workbook)).toBe(before);
    const both = await runCli(['import', 'dte-windows-1252.xml', 'envio-dte-iso-8859-1.xml', 'rcv-ventas-2026-10.csv'], folder);
    expect(both.stdout.split('\n')[0]).toBe(`Se importaron 8 documentos de 3 archivos en ${workbook}.`);
  });

  it('refuses an XML with an external entity without fetching it, and an entity expansion bomb', async () => {
    let requests = 0;
    const server = http.createServer((_request, response) => {
      requests += 1;
      response.end('Robada');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const original = await fs.readFile(path.join(folder, 'dte-windows-1252.xml'), 'latin1');
      const external = original.replace('<DTE ', `<!DOCTYPE DTE [<!ENTITY robo SYSTEM "http://127.0.0.1:${port}/secreto">]>\n<DTE `).replace('Comercial', '&robo; Comercial');
      await fs.writeFile(path.join(folder, 'externa.xml'), external, 'latin1');
      const laughs = ['<!ENTITY a0 "ja">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)].join('');
      await fs.writeFile(path.join(folder, 'bomba.xml'), original.replace('<DTE ', `<!DOCTYPE DTE [${laughs}]>\n<DTE `).replace('Comercial', '&a9;'), 'latin1');
      const before = await fileHash(workbook);
      const result = await runCli(['import', 'externa.xml', 'bomba.xml'], folder);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('externa.xml: declara un DOCTYPE o entidades (<!DOCTYPE, <!ENTITY); un DTE del SII no los usa y no se procesan por seguridad');
      expect(result.stderr).toContain('bomba.xml: declara un DOCTYPE o entidades');
      expect(requests).toBe(0);
      expect(await fileHash(workbook)).toBe(before);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a file of no known kind and one over the size limit, saying which limit', async () => {
    await fs.writeFile(path.join(folder, 'otra.csv'), 'a;b;c\n1;2;3\n');
    const unknown = await runCli(['import', 'otra.csv'], folder);
    expect(unknown.stderr).toBe('otra.csv: no es un CSV de Facturas, una exportación de ventas del RCV ni un XML de DTE del SII\n');
    await fs.writeFile(path.join(folder, 'enorme.xml'), `<?xml version="1.0"?><DTE xmlns="http://www.sii.cl/SiiDte">${' '.repeat(21 * 1024 * 1024)}</DTE>`);
    const huge = await runCli(['import', 'enorme.xml'], folder);
    expect(huge.stderr).toBe(`enorme.xml: pesa ${21 * 1024 * 1024 + 65} bytes; el máximo es 20971520 bytes (XML DTE)\n`);
  });
});

describe('facturas import: encodings and line numbers of our CSV', () => {
  const HEADER = 'Tipo;Folio;Fecha;Vencimiento;RUT;Cliente;Email;Origen;Ref. origen;Neto;Exento;IVA;Total;Moneda;Estado;Ref. documento;Notas';
  it('decodes a Windows-1252 CSV (what Excel writes in Spanish) and says so; nothing stored as U+FFFD', async () => {
    const line = '33;90001;01-10-2026;31-10-2026;76.086.428-5;Ferretería Ñuñoa;;Directa;;250.000;0;47.500;297.500;CLP;Emitida;;';
    await fs.writeFile(path.join(folder, 'excel.csv'), Buffer.from(`${HEADER}\r\n${line}\r\n`, 'latin1'));
    const result = await runCli(['import', 'excel.csv'], folder);
    expect(result.stdout).toContain('excel.csv (CSV de Facturas, Windows-1252): 1 nuevo, 0 ya estaban en el libro.');
    expect(await show('33-90001')).toMatchObject({ customerName: 'Ferretería Ñuñoa' });
  });

  it('a note amending a document already in the sheet refreshes its Pagado, Saldo and Estado de pago cells', async () => {
    const invoice = await show('33-1001');
    expect(invoice.balance).toBeGreaterThan(11_900);
    const note = '61;90501;10-10-2026;;' + invoice.customerTaxId + ';Cliente;;Directa;;10.000;0;1.900;11.900;CLP;Emitida;33-1001;';
    await fs.writeFile(path.join(folder, 'nota.csv'), `${HEADER}\n${note}\n`);
    expect((await runCli(['import', 'nota.csv'], folder)).code).toBe(0);
    const rows = sheetRows(await loadWorkbook(workbook), 'Facturas');
    const row = rows.find((r) => r[0] === 33 && r[1] === 1001)!;
    expect(row[18]).toBe(invoice.balance - 11_900);
    expect((await show('33-1001')).balance).toBe(invoice.balance - 11_900);
  });

  it('refuses a credit note larger than what remains of the invoice it amends, counting the notes of the same import', async () => {
    const invoice = await show('33-1001');
    const half = Math.floor(invoice.net / 2);
    const note = (folio: number, net: number) =>
      `61;${folio};10-10-2026;;${invoice.customerTaxId};Cliente;;Directa;;${net};0;${Math.round(net * 0.19)};${net + Math.round(net * 0.19)};CLP;Emitida;33-1001;`;
    await fs.writeFile(path.join(folder, 'notas.csv'), `${HEADER}\n${note(90601, half)}\n${note(90602, half + 1000)}\n`);
    const before = await fileHash(workbook);
    const result = await runCli(['import', 'notas.csv'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('notas.csv, línea 3 (folio 90602), columna Total:');
    expect(result.stderr).not.toContain('línea 2');
    expect(await fileHash(workbook)).toBe(before);
  });

  it('names the right line after a quoted field holding a line break', async () => {
    const note = '"primera línea\r\nsegunda línea"';
    const good = `33;90001;01-10-2026;31-10-2026;76.086.428-5;Cliente;;Directa;;250.000;0;47.500;297.500;CLP;Emitida;;${note}`;
    const bad = '33;90002;01-10-2026;31-10-2026;76.086.428-5;Cliente;;Directa;;250.000;0;47.500;300.000;CLP;Emitida;;';
    await fs.writeFile(path.join(folder, 'saltos.csv'), `${HEADER}\r\n${good}\r\n${bad}\r\n`);
    const result = await runCli(['import', 'saltos.csv'], folder);
    expect(result.stderr.trimEnd().split('\n')[1]).toBe('saltos.csv, línea 4 (folio 90002), columna Total: «300.000» no es Neto + Exento + IVA ($297.500)');
  });
});
