import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { type BotState, type Claim, historialNumber, parseAlertKey } from './botState';
import { lockStateFile } from './stateLock';

/**
 * The embedded state for one bot process: one small JSON file replaced atomically (temp file,
 * fsync, rename), not SQLite: one writer, a few keys, no native module in the bundle, and an
 * administrator can read or reset it with a text editor. A lock stops a second bot.
 *
 * It stays small: Historial ids (`H-00042`) only grow, so every entry up to a high-water mark is
 * delivered and only the few keys above it (and hand-typed ids without a number) are listed;
 * alert keys of past days are dropped.
 */
const PENDING = z.object({ key: z.string(), channel: z.string(), claimedAt: z.iso.datetime().optional() });

const FILE_V1 = z.object({ version: z.literal(1), baselineTaken: z.boolean(), delivered: z.array(z.string()), pending: PENDING.nullable() });
const FILE_V2 = z.object({
  version: z.literal(2),
  baselineTaken: z.boolean(),
  /** Every `historial:H-n` with n up to this is delivered. */
  historialMark: z.number().int().min(0),
  delivered: z.array(z.string()),
  pending: PENDING.nullable(),
});
const STATE_FILE = z.union([FILE_V2, FILE_V1]);

type StateData = z.infer<typeof FILE_V2>;

/** Events Slack may retry are remembered this many at a time; retries come within minutes. */
const REMEMBERED_EVENTS = 5_000;

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

function upgrade(parsed: z.infer<typeof STATE_FILE>): StateData {
  if (parsed.version === 2) return parsed;
  return { version: 2, baselineTaken: parsed.baselineTaken, historialMark: 0, delivered: parsed.delivered, pending: parsed.pending };
}

export async function openFileState(path: string): Promise<BotState> {
  await mkdir(dirname(path), { recursive: true });
  let data: StateData = { version: 2, baselineTaken: false, historialMark: 0, delivered: [], pending: null };
  let exists = true;
  try {
    const parsed = STATE_FILE.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success) throw new Error(`The bot state file ${path} is not valid (${parsed.error.issues[0]?.message}); fix it or move it away to start afresh`);
    data = upgrade(parsed.data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    exists = false;
  }
  // The lock is a sibling of the file, so the file must exist first.
  if (!exists) await writeAtomically(path, JSON.stringify(data));
  const release = await lockStateFile(path);
  const delivered = new Set(data.delivered);
  const seenEvents = new Set<string>();
  let writing: Promise<void> = Promise.resolve();

  const save = (): Promise<void> => {
    const snapshot = JSON.stringify({ ...data, delivered: [...delivered] } satisfies StateData);
    writing = writing.then(() => writeAtomically(path, snapshot));
    return writing;
  };

  const isDelivered = (key: string): boolean => {
    const number = historialNumber(key);
    return (number !== undefined && number <= data.historialMark) || delivered.has(key);
  };

  /** Moves the mark up to the highest id below which every entry Historial shows is delivered. */
  const compact = (keys: readonly string[]): boolean => {
    const numbered = keys.map((key) => ({ key, number: historialNumber(key) })).filter((k): k is { key: string; number: number } => k.number !== undefined);
    numbered.sort((a, b) => a.number - b.number);
    let mark = data.historialMark;
    for (const { key, number } of numbered) {
      if (number <= mark) continue;
      if (!delivered.has(key)) break;
      mark = number;
    }
    if (mark === data.historialMark) return false;
    data = { ...data, historialMark: mark };
    for (const key of [...delivered]) {
      const number = historialNumber(key);
      if (number !== undefined && number <= mark) delivered.delete(key);
    }
    return true;
  };

  const forgetPastAlerts = (today: string): void => {
    for (const key of [...delivered]) {
      const alert = parseAlertKey(key);
      if (alert && alert.date < today) delivered.delete(key);
    }
  };

  return {
    description: path,
    isBaselineTaken: async () => data.baselineTaken,
    async takeBaseline(keys) {
      for (const key of keys) delivered.add(key);
      data = { ...data, baselineTaken: true };
      compact(keys);
      await save();
      return true;
    },
    async undelivered(keys) {
      if (compact(keys)) await save();
      return keys.filter((key) => !isDelivered(key));
    },
    async claim(key, channel) {
      // One process, deliveries one at a time (see slackDelivery.ts): a single pending slot, and one
      // left unsettled (Slack's history unreadable) is settled before anything else is sent.
      if (isDelivered(key) || (data.pending !== null && data.pending.key !== key)) return false;
      data = { ...data, pending: { key, channel, claimedAt: new Date().toISOString() } };
      await save();
      return true;
    },
    async renewClaim() {
      // Nobody else could take it over.
    },
    async takeAbandonedClaims(): Promise<Claim[]> {
      const pending = data.pending;
      return pending ? [{ key: pending.key, channel: pending.channel, claimedAt: pending.claimedAt ? new Date(pending.claimedAt) : undefined }] : [];
    },
    async finishDelivery(key) {
      delivered.add(key);
      const alert = parseAlertKey(key);
      if (alert) forgetPastAlerts(alert.date);
      data = { ...data, pending: data.pending?.key === key ? null : data.pending };
      await save();
    },
    async releaseClaim(key) {
      if (data.pending?.key !== key) return;
      data = { ...data, pending: null };
      await save();
    },
    async firstSighting(eventId) {
      if (seenEvents.has(eventId)) return false;
      seenEvents.add(eventId);
      if (seenEvents.size > REMEMBERED_EVENTS) seenEvents.delete(seenEvents.values().next().value as string);
      return true;
    },
    async check() {
      await writing;
    },
    async close() {
      await writing;
      await release();
      await unlink(`${path}.${process.pid}.tmp`).catch(() => undefined);
    },
  };
}
