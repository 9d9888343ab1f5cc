import type { Command } from '../command';

const isCommand = (value: unknown): value is Command =>
  typeof value === 'object' && value !== null && typeof (value as Command).run === 'function' && typeof (value as Command).name === 'string';

/**
 * `facturas serve` lives in ./serve.ts, owned apart from the other commands. It must export
 * `command` (a Command); until it exists the build leaves the import out and serve says so.
 */
export async function loadServe(): Promise<Command | undefined> {
  try {
    // @ts-ignore -- ./serve may not exist yet in this checkout; scripts/build-cli.mjs handles its absence too.
    const module: unknown = await import('./serve');
    const exported = module as Record<string, unknown>;
    const candidate = exported.command ?? exported.serveCommand ?? exported.default;
    return isCommand(candidate) ? candidate : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && /serve/.test(String((error as Error).message))) return undefined;
    throw error;
  }
}
