import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import { CHILE, buildLedger } from '../../core';
import { demoWorkbook } from '../../core/demo';
import { loadWorkbookFile } from '../../core/node/xlsxFile';
import { readXlsxTables } from '../../core/node/xlsxRead';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { workbookTables } from '../../core/node/xlsxTables';
import { runCli } from '../cli/cliHarness';
import { libreOffice, saveWithLibreOffice } from '../support/libreOfficeWorkbook';

const TODAY = '2026-10-15';
let fixtureFolder: string;
let fixture: string;
let folder: string;

beforeAll(async () => {
  fixtureFolder = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-libreoffice-'));
  fixture = await saveWithLibreOffice(demoWorkbook({ today: TODAY, invoiceCount: 20 }), fixtureFolder, 'guardado-por-libreoffice');
}, 180_000);
afterAll(() => fs.rm(fixtureFolder, { recursive: true, force: true }));
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-lo-pay-'));
});
afterEach(() => fs.rm(folder, { recursive: true, force: true }));

const entries = async (file: string): Promise<Map<string, Buffer>> => {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const parts = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) parts.set(name, await zip.files[name]!.async('nodebuffer'));
  return parts;
};

/** Each <row> of a sheet's XML by number, and the text around them. */
function splitRows(xml: string): { rows: Map<number, string>; outside: string } {
  const rows = new Map<number, string>();
  const outside = xml.replace(/<row r="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, (row, number: string) => {
    rows.set(Number(number), row);
    return '';
  });
  return { rows, outside };
}

const sheetPart = (book: XLSX.WorkBook, name: string): string => `xl/worksheets/sheet${book.SheetNames.indexOf(name) + 1}.xml`;
const styleOf = (rowXml: string, column: string): string | undefined => new RegExp(`<c r="${column}\\d+"[^>]*?\\ss="(\\d+)"`).exec(rowXml)?.[1];

describe('a workbook saved by LibreOffice Calc', () => {
  it('reads into the same tables as exceljs read it', async () => {
    const ours = (await readXlsxTables(fixture)).tables;
    expect(ours).toEqual(workbookTables(await loadWorkbookFile(fixture)));
    expect(Object.keys(ours)).toContain('Resumen');
  });

  it('keeps every part but the changed sheets byte for byte after facturas pay, and only the intended cells change', async () => {
    const file = path.join(folder, 'facturas.xlsx');
    await fs.copyFile(fixture, file);
    const before = await entries(file);
    const book = XLSX.read(await fs.readFile(file));
    // What a user's file holds that a rewrite used to lose.
    const summaryPart = sheetPart(book, 'Resumen');
    expect(before.get(summaryPart)!.toString()).toContain('<sheetProtection sheet="true"');
    expect([...before.keys()].some((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))).toBe(true);
    expect(before.get('xl/styles.xml')!.toString()).toContain('formatCode="[$-340A]dd\\/mm\\/yyyy"');

    const read = await openXlsxStore(file).read();
    expect(read.issues).toEqual([]);
    const target = buildLedger(read.book, TODAY, CHILE).views.find((v) => v.type === 33 && v.balance > 10_000 && v.paymentStatus !== 'anulada')!;
    const result = await runCli(['pay', `33-${target.number}`, '--amount', '10000', '--ref', '=1+1', '--method', 'Transferencia', '--workbook', file, '--as-of', TODAY], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });

    const after = await entries(file);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = ['Facturas', 'Pagos', 'Historial'].map((name) => sheetPart(book, name));
    for (const [name, bytes] of before) if (!changed.includes(name)) expect({ name, same: after.get(name)!.equals(bytes) }).toEqual({ name, same: true });

    const pagosRow = read.layout.pagos!.lastRow + 1;
    const historialRow = read.layout.historial!.lastRow + 1;
    const expectedRows: Record<string, readonly number[]> = { Facturas: [target.row], Pagos: [pagosRow], Historial: [historialRow] };
    for (const [name, rowsThatChange] of Object.entries(expectedRows)) {
      const old = splitRows(before.get(sheetPart(book, name))!.toString());
      const now = splitRows(after.get(sheetPart(book, name))!.toString());
      // Outside sheetData only the used range grows; every row not meant to change is the same text.
      expect(now.outside.replace(/<dimension ref="[^"]*"\/>/, '')).toBe(old.outside.replace(/<dimension ref="[^"]*"\/>/, ''));
      const numbers = new Set([...old.rows.keys(), ...now.rows.keys()]);
      const differing = [...numbers].filter((n) => old.rows.get(n) !== now.rows.get(n));
      expect({ name, differing }).toEqual({ name, differing: [...rowsThatChange] });
    }

    // In the invoice's row, only Pagado, Saldo and Estado de pago changed.
    const facturasBefore = XLSX.read(await fs.readFile(fixture)).Sheets.Facturas!;
    const facturasAfter = XLSX.read(await fs.readFile(file)).Sheets.Facturas!;
    const header = read.layout.facturas!.header;
    for (let c = 0; c < header.length; c++) {
      const address = XLSX.utils.encode_cell({ r: target.row - 1, c });
      if (['Pagado', 'Saldo', 'Estado de pago'].includes(header[c]!)) continue;
      expect({ address, cell: facturasAfter[address] }).toEqual({ address, cell: facturasBefore[address] });
    }
    const column = (name: string) => XLSX.utils.encode_cell({ r: target.row - 1, c: header.indexOf(name) });
    expect(facturasAfter[column('Pagado')].v).toBe(target.paid + 10_000);
    expect(facturasAfter[column('Saldo')].v).toBe(target.balance - 10_000);

    // The new rows wear the formats of the data row above, LibreOffice's Chilean date format included.
    const pagosXml = splitRows(after.get(sheetPart(book, 'Pagos'))!.toString()).rows;
    expect(styleOf(pagosXml.get(pagosRow)!, 'A')).toBe(styleOf(pagosXml.get(pagosRow - 1)!, 'A'));
    expect(styleOf(pagosXml.get(pagosRow)!, 'D')).toBe(styleOf(pagosXml.get(pagosRow - 1)!, 'D'));
    const historialXml = splitRows(after.get(sheetPart(book, 'Historial'))!.toString()).rows;
    expect(styleOf(historialXml.get(historialRow)!, 'B')).toBe(styleOf(historialXml.get(historialRow - 1)!, 'B'));
    const pagos = XLSX.read(await fs.readFile(file), { cellNF: true }).Sheets.Pagos!;
    expect(pagos[`A${pagosRow}`]).toMatchObject({ t: 'n', v: Date.UTC(2026, 9, 15) / 86_400_000 + 25_569, z: '[$-340A]dd\\/mm\\/yyyy' });
    // Formula-looking text stays text.
    const reference = pagos[`F${pagosRow}`];
    expect(reference).toMatchObject({ t: 's', v: '=1+1' });
    expect(reference.f).toBeUndefined();

    // LibreOffice itself reads the payment back.
    await libreOffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', folder, file], folder);
    const csv = parse(await fs.readFile(path.join(folder, 'facturas-Pagos.csv'), 'utf8')) as string[][];
    expect(csv).toHaveLength(pagosRow);
    // Shown as LibreOffice shows the row above (its locale renders the Chilean date with dashes).
    expect(csv.at(-2)![0]).toMatch(/^\d\d-\d\d-\d{4}$/);
    expect(csv.at(-1)!.slice(0, 6)).toEqual(['15-10-2026', '33', String(target.number), '10000', 'Transferencia', '=1+1']);
  }, 120_000);
});
