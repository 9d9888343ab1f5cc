// Every bundle the repository ships, from one list of entries: `node scripts/build.mjs` builds the
// command, the bot and the add-on (`npm run build`); `node scripts/build.mjs bot` only the named ones.
// build/ holds the Node bundles (packages stay in node_modules and load from there at run time);
// dist/ is the Apps Script add-on that `npm run deploy` pushes with clasp (.clasp.json: rootDir dist).
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);
const require = createRequire(import.meta.url);

const NODE_BUNDLE = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' };

// Apps Script's V8 runs ES2020 syntax; newer syntax is lowered by esbuild. Nothing is left external:
// Apps Script has no node_modules.
const APPS_SCRIPT_BUNDLE = { bundle: true, write: false, format: 'iife', target: 'es2020', charset: 'utf8', legalComments: 'none', logLevel: 'warning' };
const ADDON_GLOBAL = 'Facturas';

/** The one list: each entry is what esbuild makes of one source, and what happens to its output. */
export const ENTRIES = {
  /** The `facturas` command, run by bin/facturas.js. */
  cli: { esbuild: { ...NODE_BUNDLE, entryPoints: [at('cli/main.ts')], outfile: at('build/facturas.cjs'), sourcemap: 'linked', charset: 'utf8', legalComments: 'none' } },
  /** The Slack bot for `npm run bot`. */
  bot: { esbuild: { ...NODE_BUNDLE, entryPoints: [at('slack-bot/main.ts')], outfile: at('build/slack-bot.js'), sourcemap: true } },
  /** dist/Code.js: the add-on's server, with one top-level function per entry point. */
  addonServer: {
    esbuild: { ...APPS_SCRIPT_BUNDLE, entryPoints: [at('sheets-addon/server/main.ts')], globalName: ADDON_GLOBAL, platform: 'neutral', mainFields: ['module', 'main'] },
    finish: writeAddonServer,
  },
  /** dist/sidebar.html: the sidebar client inlined, with pdfmake and its fonts, in one self-contained page. */
  addonSidebar: { esbuild: { ...APPS_SCRIPT_BUNDLE, entryPoints: [at('sheets-addon/client/main.ts')], platform: 'browser', minify: true }, finish: writeSidebar },
  /** dist/appsscript.json: the manifest, as written. */
  addonManifest: { finish: () => copyFile(at('sheets-addon/appsscript.json'), at('dist/appsscript.json')) },
  /** The benchmark runner (`npm run bench`); never part of `npm run build`. */
  bench: { esbuild: { ...NODE_BUNDLE, entryPoints: [at('test/bench/run.ts')], outfile: at('build/bench/run.cjs'), sourcemap: 'inline' } },
};

/** Names that stand for several entries. */
const GROUPS = { addon: ['addonServer', 'addonSidebar', 'addonManifest'], default: ['cli', 'addonServer', 'addonSidebar', 'addonManifest', 'bot'] };

/** The names in `entryPoints`, read by running the bundle once: it touches no Apps Script service at load. */
function entryPointNames(code) {
  const context = vm.createContext({});
  vm.runInContext(`${code}\nthis.__names = Object.keys(${ADDON_GLOBAL}.entryPoints);`, context);
  return context.__names;
}

async function writeAddonServer(code) {
  const names = entryPointNames(code);
  // Apps Script only sees top-level function declarations: one thin stub per entry point.
  const stubs = names.map((name) => `function ${name}() {\n  return ${ADDON_GLOBAL}.entryPoints.${name}.apply(this, arguments);\n}`).join('\n');
  await writeFile(at('dist/Code.js'), `${code}\n// Entry points (generated from sheets-addon/server/main.ts)\n${stubs}\n`);
}

/** Script text inside <script>: `</script` would end the element early, so it is escaped. */
function inlineScript(source, label) {
  const escaped = source.replace(/<\/script/gi, '<\\/script');
  if (/<!--/.test(escaped) && /<script/i.test(escaped)) throw new Error(`${label}: "<!--" and "<script" together would confuse the HTML parser`);
  return `<script>\n${escaped}\n</script>`;
}

async function writeSidebar(client) {
  const pdfmakeDir = path.dirname(require.resolve('pdfmake/build/pdfmake.min.js'));
  const [template, css, pdfmake, fonts] = await Promise.all([
    readFile(at('sheets-addon/client/sidebar.html'), 'utf8'),
    readFile(at('sheets-addon/client/sidebar.css'), 'utf8'),
    readFile(path.join(pdfmakeDir, 'pdfmake.min.js'), 'utf8'),
    readFile(path.join(pdfmakeDir, 'vfs_fonts.js'), 'utf8'),
  ]);
  const scripts = [inlineScript(pdfmake, 'pdfmake'), inlineScript(fonts, 'pdfmake fonts'), inlineScript(client, 'sidebar')].join('\n');
  const html = template.replace('/*STYLES*/', () => css).replace('<!--SCRIPTS-->', () => scripts);
  if (html === template) throw new Error('sidebar.html lost its placeholders');
  await writeFile(at('dist/sidebar.html'), html);
}

async function buildEntry(name) {
  const entry = ENTRIES[name];
  if (!entry) throw new Error(`No build entry named ${name}; use ${[...Object.keys(ENTRIES), ...Object.keys(GROUPS)].join(', ')}.`);
  await mkdir(at('dist'), { recursive: true });
  if (!entry.esbuild) return entry.finish();
  const result = await build(entry.esbuild);
  if (entry.finish) await entry.finish(result.outputFiles[0].text);
}

/** Builds the named entries or groups (default: the command, the bot and the add-on) in parallel. */
export async function buildEntries(names = ['default']) {
  const wanted = [...new Set(names.flatMap((name) => GROUPS[name] ?? [name]))];
  await Promise.all(wanted.map(buildEntry));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  await buildEntries(names.length > 0 ? names : undefined);
}
