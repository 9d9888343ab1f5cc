// The `facturas` command: cli/main.ts bundled to build/facturas.cjs, run by bin/facturas.js.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `facturas serve` (cli/commands/serve.ts) is built apart; while it is absent its import stays
 * a runtime require that fails, and the command says serve is not available.
 */
const optionalServe = {
  name: 'optional-serve',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/serve$/ }, (args) => {
      const base = path.join(args.resolveDir, 'serve');
      const exists = ['.ts', '.tsx', '.js', '/index.ts'].some((ext) => existsSync(base + ext));
      return exists ? undefined : { path: './commands/serve', external: true };
    });
  },
};

export async function buildCli() {
  await build({
    entryPoints: [path.join(root, 'cli', 'main.ts')],
    outfile: path.join(root, 'build', 'facturas.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [optionalServe],
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
