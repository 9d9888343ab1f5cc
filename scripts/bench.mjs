// `npm run bench [-- --sizes 10000,100000 --json --groups query,reports]`: bundles the
// benchmark runner with esbuild and runs it in a fresh Node with an exposed GC and room
// for the million-document workbook. Benchmarks never run under jest.
// The peers (better-sqlite3, pdfkit) are not in the root package.json, so that a newcomer's
// `npm install` compiles no SQLite: they come from test/bench/package.json, installed into
// test/bench/node_modules the first time the bench needs them.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES, buildEntries } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'test', 'bench');
const peerModules = path.join(benchDir, 'node_modules');
const PEERS = Object.keys((await import('../test/bench/package.json', { with: { type: 'json' } })).default.dependencies);

/** A peer is there if Node finds it from the bench's own folder (its node_modules, or the root's). */
const missingPeers = () => {
  const require = createRequire(path.join(benchDir, 'run.ts'));
  return PEERS.filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
};

const missing = missingPeers();
if (missing.length > 0) {
  console.error(`Installing the bench peers (${missing.join(', ')}) into test/bench/node_modules, once...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const installed = spawnSync(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund'], { cwd: benchDir, stdio: 'inherit' });
  if (installed.status !== 0) process.exit(installed.status ?? 1);
}

// The add-on group loads the real dist/Code.js, so it is built from the current sources first.
await buildEntries(['addon', 'bench']);

const outfile = ENTRIES.bench.esbuild.outfile;
// The bundle keeps packages external; NODE_PATH lets it find the peers in test/bench/node_modules.
const env = { ...process.env, NODE_PATH: [peerModules, process.env.NODE_PATH].filter(Boolean).join(path.delimiter) };
const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=16384', outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
