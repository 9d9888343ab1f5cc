import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileHash, loadWorkbook, makeFolder, removeFolder, runCli } from './cliHarness';

let folder: string;
let workbook: string;

beforeEach(async () => {
  folder = await makeFolder();
  workbook = path.join(folder, 'facturas.xlsx');
  expect(await runCli(['init', '--demo'], folder)).toMatchObject({ code: 0, stderr: '' });
});
afterEach(() => removeFolder(folder));

/** Nothing but what the test made: no temporary file left behind by a write, refused or not. */
const leftovers = async (): Promise<string[]> => (await fs.readdir(folder)).filter((name) => name.endsWith('.tmp'));

describe('--out never destroys what is there', () => {
  it('refuses to write a report over the workbook, with or without --force', async () => {
    const before = await fileHash(workbook);
    for (const argv of [
      ['report', 'status', '--format', 'csv', '--out', 'facturas.xlsx'],
      ['report', 'status', '--format', 'csv', '--out', 'facturas.xlsx', '--force'],
      ['report', 'aging', '--format', 'xlsx', '--out', './otra/../facturas.xlsx', '--force'],
      ['pdf', '33-1001', '--out', workbook, '--force'],
    ]) {
      const result = await runCli(argv, folder);
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toBe(`--out ${path.join(folder, 'facturas.xlsx')} es el libro mismo; elija otro archivo para no perder sus datos.\n`);
    }
    expect(await fileHash(workbook)).toBe(before);
    expect((await loadWorkbook(workbook)).worksheets.length).toBeGreaterThan(0);
  });

  it('recognises the workbook behind a symbolic link or another --workbook spelling', async () => {
    await fs.symlink(workbook, path.join(folder, 'enlace.csv'));
    const before = await fileHash(workbook);
    const viaLink = await runCli(['report', 'aging', '--format', 'csv', '--out', 'enlace.csv', '--force'], folder);
    expect(viaLink.code).toBe(1);
    expect(viaLink.stderr).toContain('es el libro mismo');
    await fs.mkdir(path.join(folder, 'sub'));
    const linkedFolder = path.join(folder, 'vinculo');
    await fs.symlink(folder, linkedFolder);
    const english = await runCli(['report', 'status', '--format', 'csv', '--out', path.join(linkedFolder, 'facturas.xlsx'), '--force', '--lang', 'en', '--workbook', 'sub/../facturas.xlsx'], folder);
    expect(english.code).toBe(1);
    expect(english.stderr).toBe(`--out ${path.join(linkedFolder, 'facturas.xlsx')} is the workbook itself; choose another file so its data is not lost.\n`);
    expect(await fileHash(workbook)).toBe(before);
  });

  it('refuses an existing file unless --force, then replaces it whole', async () => {
    const out = path.join(folder, 'aging.csv');
    await fs.writeFile(out, 'mis notas\n');
    const refused = await runCli(['report', 'aging', '--format', 'csv', '--out', 'aging.csv'], folder);
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: `Ya existe ${out}; use --force para reemplazarlo o elija otro archivo con --out.\n` });
    expect(await fs.readFile(out, 'utf8')).toBe('mis notas\n');

    // A second name for the old file: if the report were written into it in place, this would change too.
    await fs.link(out, path.join(folder, 'antes.csv'));
    const forced = await runCli(['report', 'aging', '--format', 'csv', '--out', 'aging.csv', '--force'], folder);
    expect(forced).toMatchObject({ code: 0, stdout: `Guardado en ${out}.\n`, stderr: '' });
    expect(await fs.readFile(out, 'utf8')).toMatch(/^\uFEFF.*;/);
    expect(await fs.readFile(path.join(folder, 'antes.csv'), 'utf8')).toBe('mis notas\n');
    expect(await leftovers()).toEqual([]);
  });

  it('refuses the PDF over an existing file, the default name included', async () => {
    expect((await runCli(['pdf', '33-1001'], folder)).code).toBe(0);
    const first = await fileHash(path.join(folder, '33-1001.pdf'));
    const again = await runCli(['pdf', '33-1001', '--lang', 'en'], folder);
    expect(again).toMatchObject({ code: 1, stderr: `${path.join(folder, '33-1001.pdf')} already exists; use --force to replace it or choose another file with --out.\n` });
    expect(await fileHash(path.join(folder, '33-1001.pdf'))).toBe(first);
    expect((await runCli(['pdf', '33-1001', '--force'], folder)).code).toBe(0);
    expect(await leftovers()).toEqual([]);
  });

  it('says so when --out is a folder or its folder does not exist, leaving nothing behind', async () => {
    const intoFolder = await runCli(['report', 'status', '--format', 'csv', '--out', '.', '--force'], folder);
    expect(intoFolder).toMatchObject({ code: 1, stderr: `--out ${folder} es una carpeta; indique un archivo dentro de ella.\n` });
    const missing = await runCli(['report', 'status', '--format', 'csv', '--out', 'no/existe.csv'], folder);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`No se pudo escribir ${path.join(folder, 'no/existe.csv')} (ENOENT); revise que la carpeta exista y se pueda escribir en ella.\n`);
    expect(await leftovers()).toEqual([]);
  });
});
