import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Cell, WorkbookTables } from '../../core';

const run = promisify(execFile);

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const isMidnight = (date: Date): boolean => date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;

function cellXml(cell: Cell | undefined): string {
  if (cell === null || cell === undefined || cell === '') return '<table:table-cell/>';
  if (cell instanceof Date) {
    const iso = cell.toISOString().slice(0, 19);
    return isMidnight(cell)
      ? `<table:table-cell table:style-name="fechaChile" office:value-type="date" office:date-value="${iso.slice(0, 10)}"><text:p>${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}</text:p></table:table-cell>`
      : `<table:table-cell table:style-name="fechaHora" office:value-type="date" office:date-value="${iso}"><text:p>${iso}</text:p></table:table-cell>`;
  }
  if (typeof cell === 'number') return `<table:table-cell table:style-name="monto" office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
  if (typeof cell === 'boolean') return `<table:table-cell office:value-type="boolean" office:boolean-value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="string"><text:p>${escapeXml(cell)}</text:p></table:table-cell>`;
}

const tableXml = (name: string, rows: readonly (readonly Cell[])[], extra = ''): string =>
  `<table:table table:name="${escapeXml(name)}">${extra}${rows.map((row) => `<table:table-row>${row.map(cellXml).join('')}</table:table-row>`).join('')}</table:table>`;

/**
 * The accountant's own tab: a small summary with a bar chart over it, protected against edits,
 * the parts of a user's file a write must never lose.
 */
const SUMMARY_TAB = `<table:table table:name="Resumen" table:protected="true">
<table:shapes>
 <draw:frame draw:z-index="0" draw:name="Ventas por mes" svg:width="12cm" svg:height="7cm" svg:x="4cm" svg:y="0.5cm">
  <draw:object draw:notify-on-update-of-ranges="Resumen.A1:Resumen.B4">
   <office:document office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.chart">
    <office:body><office:chart>
     <chart:chart svg:width="12cm" svg:height="7cm" chart:class="chart:bar">
      <chart:plot-area table:cell-range-address="Resumen.A1:Resumen.B4" chart:data-source-has-labels="both">
       <chart:axis chart:dimension="x" chart:name="primary-x"><chart:categories table:cell-range-address="Resumen.A2:Resumen.A4"/></chart:axis>
       <chart:axis chart:dimension="y" chart:name="primary-y"/>
       <chart:series chart:values-cell-range-address="Resumen.B2:Resumen.B4" chart:label-cell-address="Resumen.B1" chart:class="chart:bar"/>
      </chart:plot-area>
     </chart:chart>
    </office:chart></office:body>
   </office:document>
  </draw:object>
 </draw:frame>
</table:shapes>
<table:table-row>${cellXml('Mes')}${cellXml('Ventas')}</table:table-row>
<table:table-row>${cellXml('Agosto')}${cellXml(1200000)}</table:table-row>
<table:table-row>${cellXml('Septiembre')}${cellXml(1850000)}</table:table-row>
<table:table-row>${cellXml('Octubre')}${cellXml(990000)}</table:table-row>
</table:table>`;

/**
 * A flat OpenDocument spreadsheet (ODF 1.3, `.fods`) holding the tables, with dates in the
 * Chilean Spanish format LibreOffice writes to .xlsx as `[$-340A]dd\/mm\/yyyy`, plus the summary tab.
 */
export function flatOds(tables: WorkbookTables): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="N37" number:language="es" number:country="CL"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <number:date-style style:name="N50" number:language="es" number:country="CL"><number:day number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:year number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:date-style>
 <number:number-style style:name="N60"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
 <style:style style:name="fechaChile" style:family="table-cell" style:data-style-name="N37"/>
 <style:style style:name="fechaHora" style:family="table-cell" style:data-style-name="N50"/>
 <style:style style:name="monto" style:family="table-cell" style:data-style-name="N60"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
${Object.entries(tables)
  .map(([name, rows]) => tableXml(name, rows))
  .join('\n')}
${SUMMARY_TAB}
</office:spreadsheet></office:body>
</office:document>
`;
}

/** LibreOffice in its own profile folder, so parallel runs never share (or wait on) one profile. */
export async function libreOffice(args: readonly string[], folder: string): Promise<void> {
  const profile = path.join(folder, '.lo-profile');
  await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], { cwd: folder, timeout: 120_000 });
}

/** The tables saved by LibreOffice Calc as `<name>.xlsx` in `folder`; returns its path. */
export async function saveWithLibreOffice(tables: WorkbookTables, folder: string, name: string): Promise<string> {
  const source = path.join(folder, `${name}.fods`);
  await fs.writeFile(source, flatOds(tables));
  await libreOffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', folder, source], folder);
  await fs.rm(source);
  return path.join(folder, `${name}.xlsx`);
}
