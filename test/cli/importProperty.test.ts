import { promises as fs } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fileHash, makeFolder, removeFolder, runCli } from './cliHarness';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'sii');

let folder: string;
let pristine: Buffer;
const workbook = () => path.join(folder, 'facturas.xlsx');

beforeAll(async () => {
  folder = await makeFolder();
  expect((await runCli(['init'], folder)).code).toBe(0);
  pristine = await fs.readFile(workbook());
});
afterAll(() => removeFolder(folder));

/** Real files of each kind, damaged: bytes replaced, cut short, or lines swapped in from another kind. */
const damagedFixture = fc
  .record({
    name: fc.constantFrom('rcv-ventas-2026-10.csv', 'envio-dte-iso-8859-1.xml', 'dte-windows-1252.xml', 'nota-credito-sin-factura.xml'),
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ name, edits, cut }) => ({ name, edits, cut }));

const anyBytes = fc.uint8Array({ maxLength: 3000 });

describe('a refused import of any bytes leaves the workbook byte-identical', () => {
  it('holds for random bytes and damaged RCV and DTE files, and no refusal is a stack trace', async () => {
    const fixtures = new Map<string, Buffer>();
    for (const name of await fs.readdir(FIXTURES)) fixtures.set(name, await fs.readFile(path.join(FIXTURES, name)));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyBytes.map((bytes) => ({ bytes: Buffer.from(bytes), ext: 'csv' })),
          damagedFixture.map(({ name, edits, cut }) => {
            const bytes = Buffer.from(fixtures.get(name)!);
            for (const [at, value] of edits) bytes[at % bytes.length] = value;
            return { bytes: cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length), ext: path.extname(name).slice(1) };
          }),
        ),
        async ({ bytes, ext }) => {
          await fs.writeFile(workbook(), pristine);
          const before = await fileHash(workbook());
          await fs.writeFile(path.join(folder, `entrada.${ext}`), bytes);
          const result = await runCli(['import', `entrada.${ext}`], folder);
          expect([0, 1]).toContain(result.code);
          expect(result.stderr).not.toMatch(/\n\s+at |Error inesperado|Unexpected error/);
          if (result.code !== 0) expect(await fileHash(workbook())).toBe(before);
        },
      ),
      { numRuns: 40, seed: 20261015 },
    );
  });
});
