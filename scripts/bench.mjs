// `npm run bench [-- --sizes 10000,100000 --json --groups query,reports]`: bundles the
// benchmark runner with esbuild and runs it in a fresh Node with an exposed GC and room
// for the million-document workbook. Benchmarks never run under jest.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildAddon } from './build-addon.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'build', 'bench', 'run.cjs');

// The add-on group loads the real dist/Code.js, so it is built from the current sources first.
await buildAddon();

await build({
  entryPoints: [path.join(root, 'test', 'bench', 'run.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});

const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=16384', outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
