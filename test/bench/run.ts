// ---------------------------------------------------------------------------------------
// Facturas benchmarks: `npm run bench [-- --sizes 10000,100000 --groups query,reports --json]`.
// Each row is the median of several runs, the peer measured in the same run; the table
// goes to stdout (or the rows as JSON with --json) and progress to stderr.
// ---------------------------------------------------------------------------------------
import os from 'node:os';
import { buildFixture, type Fixture } from './fixture';
import { collectGarbage, type BenchRow } from './measure';
import { renderTable } from './renderTable';
import { loadBench } from './loadBench';
import { queryBench } from './queryBench';
import { reportsBench } from './reportsBench';
import { collectionsBench } from './collectionsBench';
import { pdfBench } from './pdfBench';
import { addonBench } from './addonBench';
import { localBench } from './localBench';
import { SLACK_LOAD_WORKER, slackBench, slackLoadWorker } from './slackBench';
import { SHEETS_API_PROCESS, sheetsApiProcess } from './sheetsApiProcess';
import { siiBench } from './siiBench';
import { BOT_REPLICA, replicaBench } from './replicaBench';
import { runReplica } from '../support/replicaProcess';

type Group = 'load' | 'query' | 'reports' | 'addon' | 'slack' | 'pdf' | 'local' | 'sii' | 'collections';
/** The largest local .xlsx the bench writes and pays on. */
const LOCAL_MAX_SIZE = 100_000;
const GROUPS: readonly Group[] = ['load', 'query', 'reports', 'addon', 'slack', 'pdf', 'local', 'sii', 'collections'];
const SIZED: readonly Group[] = ['load', 'query', 'reports', 'collections'];

interface Options {
  readonly sizes: readonly number[];
  readonly groups: readonly Group[];
  readonly json: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  let sizes: number[] = [10_000, 100_000, 1_000_000];
  let groups: Group[] = [...GROUPS];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') json = true;
    else if (arg === '--sizes') {
      sizes = value()
        .split(',')
        .map((s) => Number(s.replace(/_/g, '')));
      if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--sizes takes whole numbers of documents, at least 100, e.g. --sizes 10000,100000');
    } else if (arg === '--groups') {
      groups = value().split(',') as Group[];
      const unknown = groups.filter((g) => !GROUPS.includes(g));
      if (unknown.length > 0) throw new Error(`unknown group ${unknown.join(', ')}; the groups are ${GROUPS.join(', ')}`);
    } else throw new Error(`unknown option ${arg}; use --sizes N[,N...], --groups ${GROUPS.join(',')} and --json`);
  }
  return { sizes, groups, json };
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!(globalThis as { gc?: unknown }).gc) log('note: run through `npm run bench` (node --expose-gc) for steadier figures');
  const rows: BenchRow[] = [];
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!.toFixed(2);
  const add = (more: readonly BenchRow[]): void => {
    rows.push(...more);
    for (const r of more) log(`  ${r.group} | ${r.name} | ${r.size} | ours ${r.oursMs?.toFixed(2) ?? '-'} ms | peer ${r.peerMs?.toFixed(2) ?? '-'} ms | ${r.detail}`);
  };

  // The fixed-size groups run first, before the million-document workbook has grown the heap; the bot
  // first of all, so its memory figure is not blurred by other groups' garbage (the add-on's vm contexts).
  if (options.groups.includes('slack')) {
    log('slack');
    add(await slackBench(log));
    log('slack replicas');
    add(await replicaBench(log));
  }
  if (options.groups.includes('addon')) {
    log('add-on');
    add(await addonBench(log));
  }
  if (options.groups.includes('pdf')) {
    log('pdf');
    add(await pdfBench());
  }
  if (options.groups.includes('sii')) {
    log('sii');
    add(await siiBench());
  }

  // The local .xlsx at each size, before the sized groups build their in-memory fixtures.
  if (options.groups.includes('local')) {
    for (const size of options.sizes) {
      if (size > LOCAL_MAX_SIZE) {
        // A million-row Facturas sheet is more XML than one string holds: the store refuses to rewrite it (docs/local-workbook.md).
        log(`local .xlsx, size ${size}: skipped (above ${LOCAL_MAX_SIZE} documents the Facturas sheet is too large to rewrite)`);
        continue;
      }
      log(`local .xlsx, size ${size}`);
      add(await localBench(size, log));
    }
  }
  if (options.groups.some((g) => SIZED.includes(g))) {
    for (const size of options.sizes) {
      log(`size ${size}`);
      let fixture: Fixture | null = buildFixture(size, log);
      if (options.groups.includes('load')) add(await loadBench(fixture));
      if (options.groups.includes('query')) add(await queryBench(fixture));
      if (options.groups.includes('reports')) add(await reportsBench(fixture));
      if (options.groups.includes('collections')) add(await collectionsBench(fixture));
      fixture.release();
      fixture = null;
      collectGarbage();
    }
  }
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${loadAtStart} at start`;
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s on ${machine}`);
  if (options.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else process.stdout.write(`${renderTable(rows)}\nMachine: ${machine}\n`);
}

async function entry(): Promise<void> {
  // The same bundle serves as the Slack group's load generator, in a child process.
  if (process.argv[2] === SLACK_LOAD_WORKER) {
    process.stdout.write(JSON.stringify(await slackLoadWorker(JSON.parse(process.argv[3]!))));
    return;
  }
  // And as the bot replicas of the Slack group's multi-replica rows.
  if (process.argv[2] === BOT_REPLICA) {
    await runReplica(JSON.parse(process.argv[3]!));
    return;
  }
  // And as the Slack group's fake Sheets API, as Google is a remote service.
  if (process.argv[2] === SHEETS_API_PROCESS) {
    await sheetsApiProcess(Number(process.argv[3]));
    return;
  }
  await main();
}

entry().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
