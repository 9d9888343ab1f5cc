import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SIDEBAR_WIDTH } from './sidebarPage';

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
