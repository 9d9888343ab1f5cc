// The Apps Script add-on (dist/, pushed by `npx clasp push`): Code.js with the top-level functions
// Apps Script calls, one self-contained sidebar.html, and the manifest.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const addon = path.join(root, 'sheets-addon');
const require = createRequire(import.meta.url);

const GLOBAL_NAME = 'Facturas';
// Apps Script's V8 runs ES2020 syntax; newer syntax is lowered by esbuild.
const TARGET = 'es2020';

async function bundle(entry, options) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: TARGET,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    ...options,
  });
  return result.outputFiles[0].text;
}

/** The names in `entryPoints`, read by running the bundle once: it touches no Apps Script service at load. */
function entryPointNames(code) {
  const context = vm.createContext({});
  vm.runInContext(`${code}\nthis.__names = Object.keys(${GLOBAL_NAME}.entryPoints);`, context);
  return context.__names;
}

async function buildServer() {
  const code = await bundle(path.join(addon, 'server/main.ts'), { globalName: GLOBAL_NAME, platform: 'neutral', mainFields: ['module', 'main'] });
  const names = entryPointNames(code);
  // Apps Script only sees top-level function declarations: one thin stub per entry point.
  const stubs = names.map((name) => `function ${name}() {\n  return ${GLOBAL_NAME}.entryPoints.${name}.apply(this, arguments);\n}`).join('\n');
  await writeFile(path.join(dist, 'Code.js'), `${code}\n// Entry points (generated from sheets-addon/server/main.ts)\n${stubs}\n`);
  return names;
}

/** Script text inside <script>: `</script` would end the element early, so it is escaped. */
function inlineScript(source, label) {
  const escaped = source.replace(/<\/script/gi, '<\\/script');
  if (/<!--/.test(escaped) && /<script/i.test(escaped)) throw new Error(`${label}: "<!--" and "<script" together would confuse the HTML parser`);
  return `<script>\n${escaped}\n</script>`;
}

async function buildSidebar() {
  const pdfmakeDir = path.dirname(require.resolve('pdfmake/build/pdfmake.min.js'));
  const [template, css, pdfmake, fonts, client] = await Promise.all([
    readFile(path.join(addon, 'client/sidebar.html'), 'utf8'),
    readFile(path.join(addon, 'client/sidebar.css'), 'utf8'),
    readFile(path.join(pdfmakeDir, 'pdfmake.min.js'), 'utf8'),
    readFile(path.join(pdfmakeDir, 'vfs_fonts.js'), 'utf8'),
    bundle(path.join(addon, 'client/main.ts'), { platform: 'browser', minify: true }),
  ]);
  const scripts = [inlineScript(pdfmake, 'pdfmake'), inlineScript(fonts, 'pdfmake fonts'), inlineScript(client, 'sidebar')].join('\n');
  const html = template.replace('/*STYLES*/', () => css).replace('<!--SCRIPTS-->', () => scripts);
  if (html === template) throw new Error('sidebar.html lost its placeholders');
  await writeFile(path.join(dist, 'sidebar.html'), html);
}

export async function buildAddon() {
  await mkdir(dist, { recursive: true });
  await Promise.all([buildServer(), buildSidebar(), copyFile(path.join(addon, 'appsscript.json'), path.join(dist, 'appsscript.json'))]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildAddon();
