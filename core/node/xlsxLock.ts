import { promises as fs } from 'node:fs';
import os from 'node:os';
import lockfile from 'proper-lockfile';

/**
 * An exclusive inter-process lock on a workbook: proper-lockfile's `<file>.lock` directory, whose
 * mtime it refreshes every UPDATE_MS while the holder lives, plus a small owner record beside it
 * (`<file>.lock.owner`: pid, host, the lock directory's inode), so that a lock whose holder was
 * killed is taken over at once instead of after STALE_MS.
 */
export interface WorkbookLock {
  /** Set when the lock was taken from us (we stalled past STALE_MS): the write must be abandoned. */
  compromised(): Error | undefined;
  release(): Promise<void>;
}

/** A lock not refreshed for this long is taken over even when its owner is unknown. */
export const STALE_MS = 20_000;
/**
 * How often the holder refreshes it. A write at 100,000 documents blocks the event loop for a
 * second or two at a time (reading the model, planning); the refresh must still land well
 * inside STALE_MS, so it runs often and the margin is ten refreshes.
 */
export const UPDATE_MS = 2_000;

interface OwnerRecord {
  readonly pid: number;
  readonly host: string;
  readonly lockInode: number;
}

const lockDirectory = (filePath: string): string => `${filePath}.lock`;
export const ownerRecordPath = (filePath: string): string => `${filePath}.lock.owner`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(filePath: string): Promise<OwnerRecord | null> {
  try {
    const record = JSON.parse(await fs.readFile(ownerRecordPath(filePath), 'utf8')) as Partial<OwnerRecord>;
    return typeof record.pid === 'number' && typeof record.host === 'string' && typeof record.lockInode === 'number' ? (record as OwnerRecord) : null;
  } catch {
    return null;
  }
}

/**
 * A holder writes its owner record within milliseconds of taking the lock; a lock still without
 * one after this long lost its holder in between (killed right after mkdir).
 */
const ORPHAN_AFTER_MS = 3_000;

/**
 * When the lock's recorded owner ran on this machine and is gone (or the lock never got an owner
 * record), the lock is marked stale (its mtime set to long ago) so proper-lockfile's own takeover
 * removes it on the next try. The inode check keeps a record left from an older lock from
 * condemning a newer one.
 */
async function condemnIfOwnerDied(filePath: string): Promise<boolean> {
  try {
    const stat = await fs.stat(lockDirectory(filePath));
    const owner = await readOwner(filePath);
    const recorded = owner !== null && owner.lockInode === stat.ino;
    const ownerGone = recorded ? owner.host === os.hostname() && !processIsAlive(owner.pid) : Date.now() - stat.mtimeMs > ORPHAN_AFTER_MS;
    if (!ownerGone) return false;
    const longAgo = new Date(Date.now() - 10 * STALE_MS);
    await fs.utimes(lockDirectory(filePath), longAgo, longAgo);
    return true;
  } catch {
    return false;
  }
}

/** Waits up to `waitMs` for the lock, backing off to half a second between tries. */
export async function lockWorkbook(filePath: string, waitMs: number): Promise<WorkbookLock> {
  let compromised: Error | undefined;
  const deadline = Date.now() + waitMs;
  let pause = 25;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(filePath, {
        stale: STALE_MS,
        update: UPDATE_MS,
        retries: 0,
        realpath: false,
        onCompromised: (error) => {
          compromised = error;
        },
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (await condemnIfOwnerDied(filePath)) continue;
      if (Date.now() >= deadline) throw error;
      await sleep(Math.min(pause, Math.max(1, deadline - Date.now())) * (0.5 + Math.random()));
      pause = Math.min(500, pause * 1.5);
    }
  }
  const inode = (await fs.stat(lockDirectory(filePath))).ino;
  const record: OwnerRecord = { pid: process.pid, host: os.hostname(), lockInode: inode };
  const recordTemporary = `${ownerRecordPath(filePath)}.${process.pid}`;
  await fs.writeFile(recordTemporary, JSON.stringify(record));
  await fs.rename(recordTemporary, ownerRecordPath(filePath));
  return {
    compromised: () => compromised,
    async release() {
      const owner = await readOwner(filePath);
      if (owner && owner.pid === process.pid && owner.lockInode === inode) await fs.rm(ownerRecordPath(filePath), { force: true });
      await release().catch(() => undefined);
    },
  };
}
