import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BIN, ensureBuilt, fileHash, makeFolder, removeFolder, runCli } from './cliHarness';

let folder: string;

beforeAll(() => ensureBuilt());
beforeEach(async () => {
  folder = await makeFolder();
});
afterEach(() => removeFolder(folder));

/** The built bin in its own process; one that keeps serving is killed after the deadline, which only bounds a broken test. */
function facturas(argv: string[], env: Record<string, string>, deadlineMs = 20_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: folder, env: { PATH: process.env['PATH'] ?? '', FACTURAS_LANG: 'es', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const BAD_ZONE = 'FACTURAS_TIMEZONE «America/Valparaiso» no es una zona horaria; use p. ej. America/Santiago.\n';

describe('facturas serve and pay refuse to start on settings they cannot use', () => {
  it('pay refuses an invalid FACTURAS_TIMEZONE even with --as-of, and writes nothing', async () => {
    expect((await runCli(['init', '--demo'], folder)).code).toBe(0);
    const workbook = path.join(folder, 'facturas.xlsx');
    const before = await fileHash(workbook);
    const result = await facturas(['pay', '33-1003', '--amount', '1000', '--as-of', '2026-10-15'], { FACTURAS_TIMEZONE: 'America/Valparaiso' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe(BAD_ZONE);
    expect(await fileHash(workbook)).toBe(before);
  });

  it('serve refuses an invalid FACTURAS_TIMEZONE', async () => {
    expect((await runCli(['init', '--demo'], folder)).code).toBe(0);
    const sidebar = path.join(folder, 'sidebar.html');
    await writeFile(sidebar, '<!doctype html><title>sidebar</title>');
    const result = await facturas(['serve', '--port', '0', '--as-of', '2026-10-15'], { FACTURAS_TIMEZONE: 'America/Valparaiso', FACTURAS_SIDEBAR_HTML: sidebar });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe(BAD_ZONE);
    expect(result.stdout).toBe('');
  });

  it('serve refuses a file that is not a workbook, with its reason and no stack', async () => {
    const sidebar = path.join(folder, 'sidebar.html');
    await writeFile(sidebar, '<!doctype html><title>sidebar</title>');
    const notes = path.join(folder, 'notas.xlsx');
    await writeFile(notes, 'no es un libro\n');
    const result = await facturas(['serve', '--port', '0', '--workbook', notes], { FACTURAS_TIMEZONE: 'America/Santiago', FACTURAS_SIDEBAR_HTML: sidebar });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^No se pudo leer ${notes.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} como libro \\.xlsx \\(.+\\)\\.?\\n$`));
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('serve and pay name a missing workbook', async () => {
    const sidebar = path.join(folder, 'sidebar.html');
    await writeFile(sidebar, '<!doctype html><title>sidebar</title>');
    const env = { FACTURAS_TIMEZONE: 'America/Santiago', FACTURAS_SIDEBAR_HTML: sidebar };
    for (const argv of [
      ['serve', '--port', '0'],
      ['pay', '33-1003', '--amount', '1000'],
    ]) {
      const result = await facturas(argv, env);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^No existe el libro .*facturas\.xlsx; créelo con «facturas init»/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
