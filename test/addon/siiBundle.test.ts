import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeImportFile } from '../../core';
import { asJson, loadAddon } from './loadBundle';
import { FIXTURE_NOW, smallWorkbook } from './fixtures';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'sii');

/** What the sidebar sends: the file read and decoded in the browser, as core's decoder does it there. */
function upload(name: string) {
  const decoded = decodeImportFile(name, readFileSync(path.join(FIXTURES, name)));
  if (!decoded.ok) throw new Error(`${name} does not decode`);
  return { name, text: decoded.decoded.text, encoding: decoded.decoded.encoding };
}

describe('the SII functions of dist/Code.js in the Apps Script vm (no TextDecoder, no Buffer)', () => {
  it('previews without writing, imports the RCV and the DTE files in one call, then finds them already present', () => {
    const { context, fakes } = loadAddon({ sheets: smallWorkbook(), now: FIXTURE_NOW });
    const files = [upload('rcv-ventas-2026-10.csv'), upload('envio-dte-iso-8859-1.xml')];
    const preview = asJson(context.previewSiiImport(files));
    expect(preview.ok).toBe(true);
    expect(preview.files.map((f: { added: string[] }) => f.added)).toEqual([
      ['33-80001', '33-80002', '34-80003', '61-80001', '33-80004'],
      ['33-80101', '61-80102'],
    ]);
    expect(fakes.writes).toEqual([]);

    const imported = asJson(context.importSiiFiles(files));
    expect(imported.ok).toBe(true);
    const facturas = fakes.values('Facturas');
    expect(facturas.map((row) => row[1])).toEqual(expect.arrayContaining([80001, 80002, 80003, 80004, 80101, 80102]));
    expect(facturas.find((row) => row[1] === 80002)).toEqual(expect.arrayContaining(['FERRETERÍA PEÑALOLÉN LTDA']));
    expect(fakes.values('Detalle').filter((row) => row[1] === 80101)).toHaveLength(2);

    const again = asJson(context.previewSiiImport(files));
    expect(again.files.map((f: { added: string[]; alreadyPresent: string[] }) => [f.added.length, f.alreadyPresent.length])).toEqual([
      [0, 5],
      [0, 2],
    ]);
  });

  it('refuses a credit note without its invoice, naming it as data the sidebar words, and reconciles with the RCV', () => {
    const { context, fakes } = loadAddon({ sheets: smallWorkbook(), now: FIXTURE_NOW });
    const refused = asJson(context.importSiiFiles([upload('nota-credito-sin-factura.xml')]));
    expect(refused.ok).toBe(false);
    expect(refused.problems[0]).toMatchObject({
      source: { file: 'nota-credito-sin-factura.xml', document: 1, folio: '80104' },
      issue: { code: 'importReferenceMissing', params: { value: '33-999999' } },
    });
    expect(fakes.writes).toEqual([]);
    const reconciled = asJson(context.reconcileRcv(upload('rcv-ventas-2026-10.csv')));
    expect(reconciled.ok).toBe(true);
    expect(reconciled.value.period).toBe('2026-10');
    expect(reconciled.value.onlyInRcv).toHaveLength(5);
    expect(reconciled.value.onlyInWorkbook.map((d: { number: number }) => d.number)).toEqual([1001]);
    expect(reconciled.value.claimed).toEqual([{ type: 33, number: 80004, claimDate: '2026-10-10' }]);
  });
});
