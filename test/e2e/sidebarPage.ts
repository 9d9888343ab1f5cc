import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { WorkbookTables } from '../../core';
import { createServerApi, type SidebarLoad } from '../../sheets-addon/server/api';
import { PreviewSpreadsheetPort } from '../../cli/serve/previewPort';
import { previewMailbox, previewSession } from '../../cli/serve/previewServices';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SIDEBAR_WIDTH = 300;
const SIDEBAR_HTML = path.resolve(__dirname, '../../dist/sidebar.html');
const SIDEBAR_URL = 'http://sidebar.invalid/';

/** The first load's answer of the real server API over these tables, as JSON text (what google.script.run carries). */
export function firstLoadAnswer(tables: WorkbookTables, today: string): string {
  const now = new Date(`${today}T15:00:00.000Z`);
  const api = createServerApi({
    sheet: new PreviewSpreadsheetPort(tables),
    mail: previewMailbox('/nonexistent-outbox', () => now),
    session: previewSession('contadora@example.cl', 'UTC', today, () => now),
    environment: 'apps-script',
  });
  return JSON.stringify(api.loadSidebar() satisfies SidebarLoad);
}

declare global {
  interface Window {
    /** Hands the held first-load answer to the sidebar, parsing it as google.script.run would; returns when. */
    __deliverFirstLoad?: () => number;
  }
}

/**
 * The built sidebar (dist/sidebar.html) in a 300 px page whose google.script.run holds the first
 * load's answer until __deliverFirstLoad() is called, so the time from its arrival can be taken.
 * checkVersion answers the same version; any other call fails.
 */
export async function openSidebarWithAnswer(browser: Browser, answerJson: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: SIDEBAR_WIDTH, height: 900 }, locale: 'es-CL' });
  const page = await context.newPage();
  await page.addInitScript((answer: string) => {
    const version = (JSON.parse(answer) as { version: string }).version;
    let held: ((value: unknown) => void) | null = null;
    const runner = (onSuccess: ((value: unknown) => void) | null, onFailure: ((error: unknown) => void) | null): unknown =>
      new Proxy(
        {},
        {
          get(_target, name) {
            if (name === 'withSuccessHandler') return (handler: (value: unknown) => void) => runner(handler, onFailure);
            if (name === 'withFailureHandler') return (handler: (error: unknown) => void) => runner(onSuccess, handler);
            if (typeof name !== 'string') return undefined;
            return () => {
              if (name === 'loadSidebar') held = onSuccess;
              else if (name === 'checkVersion') setTimeout(() => onSuccess?.(version), 0);
              else setTimeout(() => onFailure?.(new Error(`${name} is not answered in this page`)), 0);
            };
          },
        },
      );
    (window as unknown as { google: unknown }).google = { script: { run: runner(null, null) } };
    window.__deliverFirstLoad = () => {
      const arrived = performance.now();
      held?.(JSON.parse(answer));
      return arrived;
    };
  }, answerJson);
  // Served from a URL of its own (never fetched from the network), so the init script runs first.
  const html = readFileSync(SIDEBAR_HTML, 'utf8');
  await page.route(SIDEBAR_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(SIDEBAR_URL);
  await page.waitForFunction(() => typeof window.__deliverFirstLoad === 'function');
  return page;
}

/** Milliseconds from the answer's arrival to the first page of the list drawn on screen. */
export const deliverAndTimeFirstPage = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const arrived = window.__deliverFirstLoad!();
        const drawn = () => (document.querySelector('[data-testid=doc-row]') ? requestAnimationFrame(() => resolve(performance.now() - arrived)) : requestAnimationFrame(drawn));
        drawn();
      }),
  );

/** Milliseconds from typing `text` in the query box to the updated list drawn. */
export const timeQuery = (page: Page, text: string): Promise<number> =>
  page.evaluate(
    (query) =>
      new Promise<number>((resolve) => {
        const box = document.querySelector('[data-testid=query]') as HTMLInputElement;
        const typed = performance.now();
        box.value = query;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() => resolve(performance.now() - typed));
      }),
    text,
  );

/** The rows the windowed list has drawn: their position in the whole match and their key. */
export const drawnRows = (page: Page): Promise<{ index: number; key: string }[]> =>
  page.getByTestId('doc-row').evaluateAll((rows) => rows.map((row) => ({ index: Number((row as HTMLElement).dataset.index), key: row.getAttribute('data-key')! })).sort((a, b) => a.index - b.index));
