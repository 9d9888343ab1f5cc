import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileState } from '../../slack-bot/state/fileState';
import { alertDeliveryKey, historyDeliveryKey } from '../../slack-bot/state/botState';

const id = (n: number) => historyDeliveryKey(`H-${String(n).padStart(5, '0')}`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => id(from + i));

describe('the bot state file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'facturas-state-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a high-water mark of Historial ids and only the keys above it, not every key ever delivered', async () => {
    const path = join(dir, 'state.json');
    const state = await openFileState(path);
    await state.takeBaseline(range(1, 5_000));
    for (const key of range(5_001, 5_010)) {
      expect(await state.claim(key, 'C1')).toBe(true);
      await state.finishDelivery(key, '1.1');
    }
    // Delivered out of order: 5012 before 5011.
    expect(await state.claim(id(5_012), 'C1')).toBe(true);
    await state.finishDelivery(id(5_012), '1.2');
    const handTyped = historyDeliveryKey('row-7');
    await state.claim(handTyped, 'C1');
    await state.finishDelivery(handTyped, '1.3');
    const all = [...range(1, 5_012), handTyped];
    expect(await state.undelivered(all)).toEqual([id(5_011)]);
    await state.close();

    const saved = JSON.parse(await readFile(path, 'utf8')) as { historialMark: number; delivered: string[] };
    expect(saved.historialMark).toBe(5_010);
    expect(saved.delivered.sort()).toEqual([id(5_012), handTyped].sort());
    const reopened = await openFileState(path);
    expect(await reopened.undelivered(all)).toEqual([id(5_011)]);
    await reopened.close();
  });

  it("forgets the alerts of past days once today's goes out", async () => {
    const path = join(dir, 'state.json');
    const state = await openFileState(path);
    for (const day of ['2026-10-13', '2026-10-14', '2026-10-15']) {
      await state.claim(alertDeliveryKey('U1', day), 'DU1');
      await state.finishDelivery(alertDeliveryKey('U1', day), '1.1');
    }
    await state.close();
    const saved = JSON.parse(await readFile(path, 'utf8')) as { delivered: string[] };
    expect(saved.delivered).toEqual([alertDeliveryKey('U1', '2026-10-15')]);
  });

  it('reads a file written by the previous version (every key listed) and keeps its pending delivery', async () => {
    const path = join(dir, 'state.json');
    await writeFile(path, JSON.stringify({ version: 1, baselineTaken: true, delivered: range(1, 3), pending: { key: id(4), channel: 'C1' } }));
    const state = await openFileState(path);
    expect(await state.isBaselineTaken()).toBe(true);
    expect(await state.takeAbandonedClaims()).toEqual([{ key: id(4), channel: 'C1', claimedAt: undefined }]);
    expect(await state.undelivered(range(1, 5))).toEqual([id(4), id(5)]);
    await state.close();
  });
});
