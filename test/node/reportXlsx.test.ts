import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CHILE, agingReport, agingTable, buildLedger, libroDeVentas, libroDeVentasTable } from '../../core';
import { renderReportXlsx } from '../../core/node/reportXlsx';
import { ACME, AGING_AS_OF, PENALOLEN, agingBook, bookFrom } from '../core/reportFixtures';

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const file = join(mkdtempSync(join(tmpdir(), 'facturas-xlsx-')), 'informe.xlsx');
  writeFileSync(file, buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets[0]!;
}

describe('renderReportXlsx', () => {
  it('writes the Libro de Ventas with number and date cells in Chilean formats and a bold totals row', async () => {
    const book = bookFrom([
      [33, 1001, '2026-10-01', '2026-10-31', ACME, 'Acme Ltda', 100000, 0, 19000, 119000, 'Emitida', ''],
      [33, 1002, '2026-10-02', '2026-10-02', PENALOLEN, 'Peñalolén SpA', 10000, 0, 1900, 11900, 'Anulada', ''],
      [61, 501, '2026-10-10', '2026-10-10', ACME, 'Acme Ltda', 20000, 0, 3800, 23800, 'Emitida', '33-1001'],
    ]);
    const libro = libroDeVentas(book, '2026-10', CHILE);
    if (!libro.ok) throw new Error('expected a book');
    const sheet = await readBack(await renderReportXlsx(libroDeVentasTable(libro.value, 'es', CHILE)));

    expect(sheet.name).toBe('Libro de Ventas');
    expect(sheet.getCell('A1').value).toBe('Libro de Ventas');
    expect(sheet.getCell('A2').value).toBe('Período octubre 2026');
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['Tipo', 'Folio', 'Fecha', 'RUT', 'Cliente', 'Exento', 'Neto', 'IVA', 'Total', 'Estado']);
    expect(sheet.getCell('A4').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });

    const first = sheet.getRow(5);
    expect(first.getCell(1).value).toBe(33);
    expect(first.getCell(2).value).toBe(1001);
    expect(first.getCell(3).value).toEqual(new Date(Date.UTC(2026, 9, 1)));
    expect(first.getCell(3).numFmt).toBe('dd-mm-yyyy');
    expect(first.getCell(4).value).toBe('76.086.428-5');
    expect(first.getCell(9).value).toBe(119000);
    expect(first.getCell(9).numFmt).toBe('"$"#,##0');
    expect(sheet.getRow(6).getCell(9).value).toBe(0);
    expect(sheet.getRow(6).getCell(10).value).toBe('Anulada');

    // rows 5-7 documents, 8-9 per-type totals, 10 grand total
    const grand = sheet.getRow(10);
    expect(grand.getCell(5).value).toBe('Total general (las notas de crédito restan)');
    expect([6, 7, 8, 9].map((c) => grand.getCell(c).value)).toEqual([0, 80000, 15200, 95200]);
    expect(grand.getCell(9).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(10);
    expect(sheet.getColumn(5).width).toBeGreaterThan(sheet.getColumn(1).width!);
  });

  it('writes the ageing report with every bucket as a number', async () => {
    const table = agingTable(agingReport(buildLedger(agingBook(), AGING_AS_OF, CHILE), CHILE), 'en');
    const sheet = await readBack(await renderReportXlsx(table));
    expect(sheet.getCell('A2').value).toBe('as of 31-12-2026');
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(['96.500.300-2', 'Beta SpA', 100000, 0, 47600, 0, 0, 147600]);
    expect((sheet.getRow(7).values as unknown[]).slice(1)).toEqual(['', 'Total', 101190, 5950, 58310, 15470, 9520, 190440]);
  });
});
