import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, SIDEBAR_WIDTH } from './sidebarPage';

const BIN = path.resolve(__dirname, '../../bin/facturas.js');

/** The real command, with no Slack settings (so no bot), the business zone and the user pinned. */
export const facturasEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, FACTURAS_TIMEZONE: 'America/Santiago', FACTURAS_USER: 'contadora@example.cl' };
  for (const name of Object.keys(env)) if (name.startsWith('SLACK_') || name === 'FACTURAS_WORKBOOK') delete env[name];
  return env;
};

/** Runs `facturas ARGS` to the end and resolves with what it printed; a non-zero exit rejects. */
export function runFacturas(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: facturasEnv() });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`facturas ${args.join(' ')} exited ${code}: ${output}`))));
  });
}

/** Starts `facturas serve --port 0 --as-of DAY` and resolves with the URL it prints. */
export function startServe(workbookPath: string, asOf: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--as-of', asOf, '--workbook', workbookPath], { env: facturasEnv() });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/localhost:\d+\//.exec(output)?.[0];
      if (url) resolve({ child, url });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`facturas serve exited ${code}: ${output}`)));
  });
}

/** Waits until the page shows what `check` expects (the DOM updates after each answer), then asserts it. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      check(await read());
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  check(await read());
}

/**
 * Nothing in the sidebar may stick out of its 300 px: the page must not scroll sideways and no
 * element may be cut at the edge. Wide report tables scroll inside a box of their own
 * ([data-scroll-box]); the box is checked, its contents may scroll.
 */
export async function expectFitsSidebar(page: Page): Promise<void> {
  const layout = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = Array.from(document.body.querySelectorAll('*'))
      .filter((element) => !element.parentElement?.closest('[data-scroll-box]'))
      .flatMap((element) => {
        const box = element.getBoundingClientRect();
        const cut = box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
        return cut ? [`${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''} ${Math.round(box.left)}..${Math.round(box.right)}: ${element.textContent?.slice(0, 40)}`] : [];
      });
    return { innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, outside };
  });
  expect(layout.innerWidth).toBe(SIDEBAR_WIDTH);
  expect(layout.scrollWidth).toBeLessThanOrEqual(SIDEBAR_WIDTH);
  expect(layout.outside).toEqual([]);
}

export interface ServedSidebar {
  readonly workbookPath: string;
  readonly page: Page;
  /** Closes the browser, stops `facturas serve` and removes the folder. */
  close(): Promise<void>;
}

/**
 * A demo workbook made by `facturas init --demo` in a new folder, served by `facturas serve`, and the
 * served sidebar open in Chromium at its real width, set up as the accountants' (Chilean Spanish).
 */
export async function openServedDemoSidebar(folderPrefix: string, asOf: string): Promise<ServedSidebar> {
  const dir = await mkdtemp(path.join(os.tmpdir(), folderPrefix));
  const workbookPath = path.join(dir, 'facturas.xlsx');
  let serve: ChildProcess | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    if (serve && serve.exitCode === null) {
      const exited = new Promise((resolve) => serve?.once('exit', resolve));
      serve.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await runFacturas(['init', '--demo', '--as-of', asOf, '--workbook', workbookPath]);
    const started = await startServe(workbookPath, asOf);
    serve = started.child;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: SIDEBAR_WIDTH, height: 900 }, locale: 'es-CL', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(started.url);
    await page.getByTestId('doc-row').first().waitFor();
    return { workbookPath, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
