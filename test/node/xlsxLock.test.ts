import { type ChildProcess, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ok } from '../../core';
import { createWorkbook } from '../../core/node/xlsxCreate';
import { ownerRecordPath } from '../../core/node/xlsxLock';
import { openXlsxStore } from '../../core/node/xlsxStore';

const TODAY = '2026-10-15';
let folder: string;
let file: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-lock-'));
  file = path.join(folder, 'facturas.xlsx');
  await createWorkbook(file, { today: TODAY });
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await fs.rm(folder, { recursive: true, force: true });
});

/** The pid of a process that has come and gone. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** The pid of a process that stays alive until the test ends. */
function livePid(): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  children.push(child);
  return child.pid!;
}

/** A lock as a writer leaves it when killed mid-write: the directory just refreshed, its owner record beside it. */
async function leaveLock(pid: number, inode?: number): Promise<void> {
  await fs.mkdir(`${file}.lock`);
  const lockInode = inode ?? (await fs.stat(`${file}.lock`)).ino;
  await fs.writeFile(ownerRecordPath(file), JSON.stringify({ pid, host: os.hostname(), lockInode }));
}

const nothingToWrite = () => ok({ plan: { updates: [], appends: [] }, outcome: 'done' });

describe('the workbook lock', () => {
  it('is taken over at once when the process that holds it is gone', async () => {
    await leaveLock(await deadPid());
    await expect(openXlsxStore(file, { lockWaitMs: 1000 }).transact(nothingToWrite)).resolves.toEqual({ ok: true, value: 'done' });
    expect(await fs.readdir(folder)).toEqual(['facturas.xlsx']);
  });

  it('is respected while the process that holds it lives', async () => {
    await leaveLock(livePid());
    await expect(openXlsxStore(file, { lockWaitMs: 500 }).transact(nothingToWrite)).rejects.toMatchObject({ code: 'ELOCKED' });
  });

  it('is respected when the owner record describes an older lock', async () => {
    await leaveLock(await deadPid(), -1);
    await expect(openXlsxStore(file, { lockWaitMs: 500 }).transact(nothingToWrite)).rejects.toMatchObject({ code: 'ELOCKED' });
  });
});

describe('temporary copies', () => {
  it('left by a killed writer are removed by the next command, those of a live writer kept', async () => {
    const dead = path.join(folder, `.facturas.xlsx.${await deadPid()}.0badc0de.tmp`);
    const live = path.join(folder, `.facturas.xlsx.${livePid()}.0badc0de.tmp`);
    const unrelated = path.join(folder, '.otro.xlsx.1.0badc0de.tmp');
    for (const name of [dead, live, unrelated]) await fs.writeFile(name, 'half a workbook');
    await openXlsxStore(file).read();
    expect((await fs.readdir(folder)).sort()).toEqual([path.basename(live), path.basename(unrelated), 'facturas.xlsx'].sort());
    await openXlsxStore(file).transact(nothingToWrite);
    expect((await fs.readdir(folder)).sort()).toEqual([path.basename(live), path.basename(unrelated), 'facturas.xlsx'].sort());
  });
});
