// The Slack bot for `npm run bot`: slack-bot/main.ts bundled to build/slack-bot.js. Packages stay
// in node_modules (Bolt, pdfmake's fonts, googleapis) and are loaded from there at run time.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildBot() {
  await build({
    entryPoints: [path.join(root, 'slack-bot', 'main.ts')],
    outfile: path.join(root, 'build', 'slack-bot.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildBot();
