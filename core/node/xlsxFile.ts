import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { processIsAlive } from './xlsxLock';

/** The workbook file does not exist: the faces suggest `facturas init`. */
export class WorkbookNotFoundError extends Error {
  constructor(readonly path: string) {
    super(`No workbook at ${path}. Create it with "facturas init" (or "facturas init --demo" for sample data), or point --workbook / FACTURAS_WORKBOOK at an existing one.`);
    this.name = 'WorkbookNotFoundError';
  }
}

/** `createWorkbook` refuses to replace a file unless told to. */
export class WorkbookExistsError extends Error {
  constructor(readonly path: string) {
    super(`A workbook already exists at ${path}. Use --force to replace it, or choose another path with --workbook.`);
    this.name = 'WorkbookExistsError';
  }
}

/** The file exists but is not a workbook exceljs can open. */
export class WorkbookUnreadableError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`The file ${path} could not be read as an .xlsx workbook: ${reason}.`);
    this.name = 'WorkbookUnreadableError';
  }
}

export async function fileExists(filePath: string): Promise<boolean> {
  try {
    await fs.access(filePath);
    return true;
  } catch {
    return false;
  }
}

export async function loadWorkbookFile(filePath: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new WorkbookNotFoundError(filePath);
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookUnreadableError(filePath, error instanceof Error ? error.message : String(error));
  }
  return workbook;
}

export interface SaveOptions {
  /** Called just before the new file takes the target's place; throw to abandon the write. */
  readonly beforeRename?: () => void;
  /** False: fail with WorkbookExistsError rather than replace a file that appeared meanwhile. */
  readonly replace?: boolean;
}

/**
 * Temporary copies are named `.<workbook>.<pid>.<8 hex>.tmp` beside the workbook, so a copy left
 * by a process killed mid-write is recognisable, and safe to delete once that pid is gone.
 */
const temporaryName = (filePath: string): string => path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A copy older than this is removed even if its pid is alive again (a reused pid). */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** Deletes this workbook's temporary copies (and lock owner records) whose writer is gone. */
export async function removeAbandonedTemporaries(filePath: string): Promise<string[]> {
  const folder = path.dirname(filePath);
  const base = escapeRegExp(path.basename(filePath));
  const pattern = new RegExp(`^(?:\\.${base}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp|${base}\\.lock\\.owner\\.(\\d+))$`);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = Number(match[1] ?? match[2]);
    const full = path.join(folder, name);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) continue;
    const abandoned = pid !== process.pid && (!processIsAlive(pid) || Date.now() - stat.mtimeMs > ABANDONED_AFTER_MS);
    if (!abandoned) continue;
    await fs.rm(full, { force: true });
    removed.push(full);
  }
  return removed;
}

/** Writes beside the target and renames over it, so a reader or a crash never sees half a file. */
export async function saveBytesAtomically(bytes: Uint8Array, filePath: string, options: SaveOptions = {}): Promise<void> {
  const temporary = temporaryName(filePath);
  try {
    await fs.writeFile(temporary, bytes, { flag: 'wx' });
    options.beforeRename?.();
    if (options.replace === false) {
      // link() fails when the target exists, where rename() would silently replace it.
      await fs.link(temporary, filePath).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? new WorkbookExistsError(filePath) : error;
      });
      await fs.rm(temporary, { force: true });
    } else {
      await fs.rename(temporary, filePath);
    }
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** An exceljs workbook (a new one, from `facturas init`) saved atomically. */
export async function saveWorkbookAtomically(workbook: ExcelJS.Workbook, filePath: string, options: SaveOptions = {}): Promise<void> {
  await saveBytesAtomically(Buffer.from(await workbook.xlsx.writeBuffer()), filePath, options);
}
