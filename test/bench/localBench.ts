import { execFile, execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CHILE, buildLedger, readWorkbook } from '../../core';
import { loadWorkbookFile } from '../../core/node/xlsxFile';
import { readXlsxTables } from '../../core/node/xlsxRead';
import { workbookTables } from '../../core/node/xlsxTables';
import { BENCH_TODAY, benchWorkbook } from './benchWorkbook';
import { writeBenchXlsx } from './benchXlsx';
import { READ_OPTIONS } from './fixture';
import { collectGarbage, median, row, type BenchRow } from './measure';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'facturas.js');
const RUNS = 3;

interface ProcessRun {
  readonly ms: number;
  readonly stdout: string;
}

/** A whole process, start-up included, as a user's shell runs it. */
function timeProcess(args: readonly string[], cwd: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    execFile(
      process.execPath,
      args,
      { cwd, maxBuffer: 64 * 2 ** 20, env: { ...process.env, FACTURAS_TIMEZONE: 'America/Santiago', FACTURAS_LANG: 'es', FACTURAS_WORKBOOK: '' } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${args.slice(0, 3).join(' ')} failed: ${stderr || error.message}`));
        else resolve({ ms: performance.now() - started, stdout });
      },
    );
  });
}

/** SheetJS, the fastest well-kept reader: every sheet into rows of cells (the floor for a read), and optionally written back (for a write). */
const sheetJsScript = (file: string, write: boolean): string[] => [
  '-e',
  `const XLSX = require('xlsx'); const book = XLSX.readFile(${JSON.stringify(file)}, { dense: true, cellDates: true });
   let cells = 0; for (const name of book.SheetNames) for (const r of XLSX.utils.sheet_to_json(book.Sheets[name], { header: 1, raw: true })) cells += r.length;
   ${write ? `XLSX.writeFile(book, ${JSON.stringify(file)});` : ''} process.stdout.write(String(cells));`,
];

/** Ours and the floor interleaved, RUNS times each, medians. */
async function pairProcesses(ours: () => Promise<ProcessRun>, floor: () => Promise<ProcessRun>): Promise<{ oursMs: number; peerMs: number; last: ProcessRun }> {
  const oursTimes: number[] = [];
  const floorTimes: number[] = [];
  let last: ProcessRun | undefined;
  for (let i = 0; i < RUNS; i++) {
    const first = i % 2 === 0;
    if (!first) floorTimes.push((await floor()).ms);
    last = await ours();
    oursTimes.push(last.ms);
    if (first) floorTimes.push((await floor()).ms);
  }
  return { oursMs: median(oursTimes), peerMs: median(floorTimes), last: last! };
}

/**
 * The local workbook as a user meets it: `facturas search` and `facturas pay` on an .xlsx of `size`
 * documents as whole processes, beside SheetJS doing the least the same command needs of the file;
 * four pays at once (all must land); and the in-process reader against exceljs's full load.
 */
export async function localBench(size: number, log: (line: string) => void): Promise<BenchRow[]> {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), 'cli'], { cwd: ROOT, stdio: 'inherit' });
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-bench-local-'));
  try {
    const workbook = benchWorkbook(size);
    const file = path.join(folder, 'facturas.xlsx');
    let started = Date.now();
    await writeBenchXlsx(workbook.tables, file);
    const bytes = (await fs.stat(file)).size;
    log(`  .xlsx of ${size} documents written in ${Date.now() - started} ms (${(bytes / 2 ** 20).toFixed(1)} MiB)`);
    const owed = buildLedger(readWorkbook(workbook.tables, READ_OPTIONS).book, BENCH_TODAY, CHILE).views.filter((v) => v.type === 33 && v.balance > 10_000 && v.paymentStatus !== 'anulada');
    if (owed.length < 8) throw new Error('the bench workbook has too few owed invoices to pay');
    const detail = `${size} documents, ${workbook.paymentCount} payments, ${(bytes / 2 ** 20).toFixed(1)} MiB .xlsx`;
    const rows: BenchRow[] = [];

    const search = await pairProcesses(
      () => timeProcess([BIN, 'search', 'estado:vencida orden:-saldo', '--limit', '10', '--format', 'json', '--workbook', file, '--as-of', BENCH_TODAY], folder),
      () => timeProcess(sheetJsScript(file, false), ROOT),
    );
    const matched = (JSON.parse(search.last.stdout) as { matched: number }).matched;
    if (!(matched > 0)) throw new Error('the bench search matched nothing');
    rows.push(
      row({
        group: 'local',
        name: 'facturas search on an .xlsx (whole process)',
        size,
        oursMs: search.oursMs,
        peerMs: search.peerMs,
        peer: 'SheetJS readFile + sheet_to_json of every sheet (whole process)',
        detail: `${detail}; «estado:vencida orden:-saldo» matched ${matched}`,
      }),
    );

    const before = (await readXlsxTables(file)).tables;
    const paymentsBefore = readWorkbook(before, READ_OPTIONS).book.payments.length;
    let payment = 0;
    const pay = await pairProcesses(
      () => {
        const target = owed[payment++ % owed.length]!;
        return timeProcess([BIN, 'pay', `33-${target.number}`, '--amount', '100', '--ref', `BENCH-${payment}`, '--workbook', file, '--as-of', BENCH_TODAY], folder);
      },
      // The floor rewrites a copy: SheetJS would drop what our reader needs (formats) from the real one.
      async () => {
        const copy = path.join(folder, 'sheetjs.xlsx');
        await fs.copyFile(file, copy);
        return timeProcess(sheetJsScript(copy, true), ROOT);
      },
    );
    rows.push(
      row({
        group: 'local',
        name: 'facturas pay on an .xlsx (whole process)',
        size,
        oursMs: pay.oursMs,
        peerMs: pay.peerMs,
        peer: 'SheetJS readFile + writeFile of the same file (whole process)',
        detail,
      }),
    );

    started = Date.now();
    const four = owed.slice(0, 4);
    await Promise.all(four.map((target, i) => timeProcess([BIN, 'pay', `33-${target.number}`, '--amount', '100', '--ref', `AT-ONCE-${i}`, '--workbook', file, '--as-of', BENCH_TODAY], folder)));
    const allMs = Date.now() - started;
    const after = readWorkbook((await readXlsxTables(file)).tables, READ_OPTIONS).book.payments.length;
    const landed = after - paymentsBefore - RUNS;
    if (landed !== 4) throw new Error(`of 4 concurrent pays ${landed} landed`);
    rows.push(
      row({
        group: 'local',
        name: '4 concurrent facturas pay on one .xlsx, all land',
        size,
        oursMs: allMs,
        target: 'all 4 land',
        met: landed === 4,
        detail: `${detail}; ${landed} of 4 payments written`,
      }),
    );

    // The reader inside the commands, measured once each: our streaming read against exceljs's load.
    collectGarbage();
    started = performance.now();
    const streamed = (await readXlsxTables(file)).tables;
    const streamMs = performance.now() - started;
    collectGarbage();
    started = performance.now();
    const loaded = workbookTables(await loadWorkbookFile(file));
    const exceljsMs = performance.now() - started;
    const sameBook = JSON.stringify(readWorkbook(streamed, READ_OPTIONS).book) === JSON.stringify(readWorkbook(loaded, READ_OPTIONS).book);
    if (!sameBook) throw new Error('the streaming reader and exceljs read different books');
    rows.push(
      row({
        group: 'local',
        name: '.xlsx to tables in process: streaming reader (saxes over the zip)',
        size,
        oursMs: streamMs,
        peerMs: exceljsMs,
        peer: 'exceljs Workbook.xlsx.load + worksheet values (the previous reader)',
        detail: `${detail}; one run each; same book read`,
      }),
    );
    return rows;
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}
