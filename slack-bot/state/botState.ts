import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';

/**
 * What the bot must remember across restarts: which deliveries (Historial entries, daily
 * alerts) already reached Slack, and the one being sent when the process stopped.
 *
 * Kept as one small JSON file replaced atomically (write a temp file, fsync, rename), not
 * SQLite: the bot is the only writer, the state is a few keys, and a plain file needs no
 * native module in the bundle and can be read or reset by an administrator with a text editor.
 * A lock on the file stops a second bot from posting the same entries.
 */
export interface PendingDelivery {
  readonly key: string;
  readonly channel: string;
}

const STATE_SCHEMA = z.object({
  version: z.literal(1),
  /** Set once the Historial present at the first start has been taken as already known. */
  baselineTaken: z.boolean(),
  delivered: z.array(z.string()),
  pending: z.object({ key: z.string(), channel: z.string() }).nullable(),
});

type StateData = z.infer<typeof STATE_SCHEMA>;

export interface BotState {
  readonly path: string;
  isDelivered(key: string): boolean;
  readonly baselineTaken: boolean;
  /** Marks keys delivered without sending them (the first start's existing Historial). */
  takeBaseline(keys: readonly string[]): Promise<void>;
  readonly pending: PendingDelivery | null;
  /** Written before the message is sent, so a crash mid-send is found at the next start. */
  beginDelivery(delivery: PendingDelivery): Promise<void>;
  finishDelivery(key: string): Promise<void>;
  abandonPending(): Promise<void>;
  close(): Promise<void>;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  try {
    const dir = await open(dirname(path), 'r');
    await dir.sync().finally(() => dir.close());
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
  }
}

export async function openBotState(path: string): Promise<BotState> {
  await mkdir(dirname(path), { recursive: true });
  let data: StateData = { version: 1, baselineTaken: false, delivered: [], pending: null };
  try {
    const parsed = STATE_SCHEMA.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success) throw new Error(`The bot state file ${path} is not valid (${parsed.error.issues[0]?.message}); fix it or move it away to start afresh`);
    data = parsed.data;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await writeAtomically(path, JSON.stringify(data));
  }
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(path, { realpath: false, stale: 30_000, update: 10_000 });
  } catch {
    throw new Error(`Another Facturas bot is using ${path}; stop it first (two bots would post every change twice)`);
  }
  const delivered = new Set(data.delivered);
  let writing: Promise<void> = Promise.resolve();

  const save = (): Promise<void> => {
    const snapshot = JSON.stringify({ ...data, delivered: [...delivered] } satisfies StateData);
    writing = writing.then(() => writeAtomically(path, snapshot));
    return writing;
  };

  return {
    path,
    isDelivered: (key) => delivered.has(key),
    get baselineTaken() {
      return data.baselineTaken;
    },
    async takeBaseline(keys) {
      for (const key of keys) delivered.add(key);
      data = { ...data, baselineTaken: true };
      await save();
    },
    get pending() {
      return data.pending;
    },
    async beginDelivery(delivery) {
      data = { ...data, pending: { ...delivery } };
      await save();
    },
    async finishDelivery(key) {
      delivered.add(key);
      data = { ...data, pending: data.pending?.key === key ? null : data.pending };
      await save();
    },
    async abandonPending() {
      data = { ...data, pending: null };
      await save();
    },
    async close() {
      await writing;
      await release();
      await unlink(`${path}.${process.pid}.tmp`).catch(() => undefined);
    },
  };
}
