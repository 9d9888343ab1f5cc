import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The built dist/sidebar.html: FACTURAS_SIDEBAR_HTML if set, else next to this code (bundled in
 * build/ or run from cli/serve/), else under the working folder. Undefined until `npm run build`.
 */
export function findSidebarHtml(env: Readonly<Record<string, string | undefined>>, cwd: string): string | undefined {
  const here = typeof __dirname === 'string' ? __dirname : undefined;
  const candidates = [
    env.FACTURAS_SIDEBAR_HTML,
    here && path.resolve(here, '../dist/sidebar.html'),
    here && path.resolve(here, '../../dist/sidebar.html'),
    path.resolve(cwd, 'dist/sidebar.html'),
  ].filter((candidate): candidate is string => typeof candidate === 'string' && candidate !== '');
  return candidates.find((candidate) => existsSync(candidate));
}
