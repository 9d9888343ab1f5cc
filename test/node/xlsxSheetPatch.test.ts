import { parseCellFormats } from '../../core/node/xlsxParts';
import { type PatchStyles, patchSheetXml } from '../../core/node/xlsxSheetPatch';
import { StylesEditor } from '../../core/node/xlsxStyles';

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (data: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${MAIN}><dimension ref="A1:C2"/>${extra}${data}<pageMargins left="0.7"/></worksheet>`;
/** Two cell formats: 0 General, 1 a money format; no date format at all. */
const STYLES = `<?xml version="1.0"?><styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0"/></numFmts><fonts count="1"><font/></fonts><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

function editor(stylesXml = STYLES): { styles: StylesEditor; patch: PatchStyles } {
  const styles = new StylesEditor(stylesXml, parseCellFormats(stylesXml));
  return { styles, patch: { isDate: (s) => styles.isDate(s), dateStyleLike: (s, withTime) => styles.dateStyleLike(s, withTime), date1904: false } };
}

describe('patchSheetXml', () => {
  it('overwrites a cell in place, keeping its format and every other byte of the sheet', () => {
    const xml = sheet('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2" ht="15"><c r="A2" s="1"><v>5</v></c><c r="B2"><v>7</v></c></row></sheetData>');
    const { patch, styles } = editor();
    const out = patchSheetXml(xml, { updates: [{ row: 2, column: 1, value: 9 }], appends: [], modelRow: null }, patch);
    expect(out).toBe(xml.replace('<c r="A2" s="1"><v>5</v></c>', '<c r="A2" s="1"><v>9</v></c>'));
    expect(styles.xml).toBeNull();
  });

  it('finds rows and cells that carry no r attribute, and keeps cells in column order', () => {
    const xml = sheet('<sheetData><row><c><v>1</v></c></row><row><c><v>2</v></c><c r="C2"><v>3</v></c></row></sheetData>');
    const out = patchSheetXml(xml, { updates: [{ row: 2, column: 2, value: 'b' }], appends: [], modelRow: null }, editor().patch);
    expect(out).toContain('<row><c><v>2</v></c><c r="B2" t="inlineStr"><is><t>b</t></is></c><c r="C2"><v>3</v></c></row>');
  });

  it('appends rows styled like the model row, as inline text that is never a formula, and widens the used range', () => {
    const xml = sheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2" ht="20" customHeight="1" hidden="1"><c r="A2" s="1"><v>5</v></c><c r="B2"><v>6</v></c></row></sheetData>');
    const out = patchSheetXml(xml, { updates: [], appends: [{ row: 3, values: [1000, '=SUM(A1:A2)', ' con\u0007 espacio ', null, true] }], modelRow: 2 }, editor().patch);
    expect(out).toContain(
      '<row r="3" ht="20" customHeight="1"><c r="A3" s="1"><v>1000</v></c><c r="B3" t="inlineStr"><is><t>=SUM(A1:A2)</t></is></c>' +
        '<c r="C3" t="inlineStr"><is><t xml:space="preserve"> con_x0007_ espacio </t></is></c><c r="D3"/><c r="E3" t="b"><v>1</v></c></row></sheetData>',
    );
    expect(out).toContain('<dimension ref="A1:E3"/>');
  });

  it('gives a date a date format like its column, adding one to styles.xml only when there is none', () => {
    const xml = sheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" s="1"><v>5</v></c></row></sheetData>');
    const { patch, styles } = editor();
    const out = patchSheetXml(xml, { updates: [], appends: [{ row: 3, values: [{ date: '2026-10-15' }, { instant: '2026-10-15T12:00:00.000Z' }] }], modelRow: 2 }, patch);
    // 46310 is 15-10-2026; noon is half a day.
    expect(out).toContain('<row r="3"><c r="A3" s="2"><v>46310</v></c><c r="B3" s="3"><v>46310.5</v></c></row>');
    expect(styles.xml).toContain('<numFmt numFmtId="165" formatCode="dd-mm-yyyy"/><numFmt numFmtId="166" formatCode="dd-mm-yyyy hh:mm:ss"/></numFmts>');
    expect(styles.xml).toContain('<cellXfs count="4">');
    // The date cell keeps the money cell's font, fill and borders; only the number format is ours.
    expect(styles.xml).toContain('<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    expect(parseCellFormats(styles.xml).isDate(2)).toBe(true);
  });

  it('opens an empty sheetData and merges into a formatted empty row already there', () => {
    const empty = sheet('<sheetData/>');
    expect(patchSheetXml(empty, { updates: [], appends: [{ row: 2, values: [1] }], modelRow: null }, editor().patch)).toContain('<sheetData><row r="2"><c r="A2"><v>1</v></c></row></sheetData>');
    const formatted = sheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="3" spans="1:1" s="1" customFormat="1"><c r="A3" s="1"/></row></sheetData>');
    const out = patchSheetXml(
      formatted,
      {
        updates: [],
        appends: [
          { row: 2, values: [7] },
          { row: 3, values: [8, 9] },
        ],
        modelRow: null,
      },
      editor().patch,
    );
    expect(out).toContain(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>7</v></c></row><row r="3" spans="1:2" s="1" customFormat="1"><c r="A3" s="1"><v>8</v></c><c r="B3"><v>9</v></c></row>',
    );
  });
});
