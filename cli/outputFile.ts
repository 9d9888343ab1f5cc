import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../core';
import { CliError, EXIT } from './command';
import { messages } from './messages';

export interface OutputFileOptions {
  /** The workbook the command read: never replaced by an --out file, --force or not. */
  readonly workbookPath: string;
  /** --force: an existing file may be replaced. */
  readonly force: boolean;
  readonly locale: Locale;
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** The path with every symbolic link and `..` resolved; for a file not there yet, its folder's. */
async function realPath(target: string): Promise<string> {
  try {
    return await fs.realpath(target);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    const folder = path.dirname(target);
    if (folder === target) return target;
    return path.join(await realPath(folder), path.basename(target));
  }
}

/** Where the bytes go would be the workbook itself: `--out facturas.xlsx`, a link to it, `./x/../facturas.xlsx`. */
async function isSameFile(target: string, workbookPath: string): Promise<boolean> {
  if ((await realPath(target)) === (await realPath(workbookPath))) return true;
  try {
    const [a, b] = await Promise.all([fs.stat(target), fs.stat(workbookPath)]);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/**
 * Writes a report or PDF the user asked for with --out: never over the workbook, never over an
 * existing file unless --force, and atomically: the bytes go to a temporary file beside the
 * target, which then takes its place, so a crash or a full disk never leaves half a file where
 * a good one was.
 */
export async function writeOutputFile(target: string, bytes: string | Uint8Array, options: OutputFileOptions): Promise<void> {
  const m = messages(options.locale);
  if (await isSameFile(target, options.workbookPath)) throw new CliError([m.outIsWorkbook(target)], EXIT.failure);
  const existing = await fs.stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError([m.outIsFolder(target)], EXIT.failure);
  if (existing && !options.force) throw new CliError([m.outExists(target)], EXIT.failure);

  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, bytes, { flag: 'wx' });
  } catch (error) {
    throw new CliError([m.outNotWritable(target, errorCode(error) ?? String(error))], EXIT.failure);
  }
  try {
    if (options.force) await fs.rename(temporary, target);
    else await placeWithoutReplacing(temporary, target, m.outExists(target));
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

/** A hard link fails if the name was taken meanwhile, so a file that appeared since the check is kept. */
async function placeWithoutReplacing(temporary: string, target: string, existsMessage: string): Promise<void> {
  try {
    await fs.link(temporary, target);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new CliError([existsMessage], EXIT.failure);
    // Some file systems have no hard links: check once more, then rename.
    if (
      await fs.stat(target).then(
        () => true,
        () => false,
      )
    )
      throw new CliError([existsMessage], EXIT.failure);
    await fs.rename(temporary, target);
  }
}
