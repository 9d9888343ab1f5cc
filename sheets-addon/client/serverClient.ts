import type { ServerApi, ServerFunctionName } from '../server/api';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRun } };
  }
}

/**
 * The one way the sidebar talks to the server: google.script.run in Google Sheets, the same
 * shim over HTTP in `facturas serve`. Typed by the server's own function list.
 */
export function callServer<K extends ServerFunctionName>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script.run;
    if (!run) {
      reject(new Error('google.script.run is not available: open the sidebar from Google Sheets or `facturas serve`.'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String((error as { message?: string })?.message ?? error))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
