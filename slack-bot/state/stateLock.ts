import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import lockfile from 'proper-lockfile';

/** After this long without the owner refreshing it, a lock is stale even when its owner cannot be checked (another machine). */
const STALE_MS = 30_000;
const UPDATE_MS = 10_000;

interface Owner {
  readonly pid: number;
  readonly host: string;
}

const ownerPath = (path: string): string => `${path}.lock-owner.json`;

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function readOwner(path: string): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(ownerPath(path), 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One bot per state file. The lock (proper-lockfile's directory) names its owner's pid beside
 * it, so a bot whose previous process was killed takes the lock over at once when that pid is
 * gone on this machine, instead of waiting for the lock to go stale.
 */
export async function lockStateFile(path: string): Promise<() => Promise<void>> {
  const take = () => lockfile.lock(path, { realpath: false, stale: STALE_MS, update: UPDATE_MS });
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = await readOwner(path);
    const ownerGone = owner !== undefined && owner.host === hostname() && owner.pid !== process.pid && !isRunning(owner.pid);
    if (!ownerGone) {
      throw new Error(`Another Facturas bot (${owner ? `pid ${owner.pid} on ${owner.host}` : 'unknown process'}) is using ${path}; stop it first (two bots would post every change twice)`);
    }
    await rm(`${path}.lock`, { recursive: true, force: true });
    try {
      release = await take();
    } catch {
      throw new Error(`Another Facturas bot took ${path} at the same moment; stop it first (two bots would post every change twice)`);
    }
  }
  await writeFile(ownerPath(path), JSON.stringify({ pid: process.pid, host: hostname() } satisfies Owner));
  return async () => {
    await rm(ownerPath(path), { force: true });
    await release();
  };
}
