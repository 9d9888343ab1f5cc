import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { openFileState } from '../../slack-bot/state/fileState';
import { migrate } from '../../slack-bot/state/migrations';
import { createPostgresState } from '../../slack-bot/state/postgresState';
import type { BotState } from '../../slack-bot/state/botState';
import { startFakeSlackApi } from '../fakes/slackApi';
import { CLERK, NOTIFY_CHANNEL, SIGNING_SECRET, SlackPayloads, eventually } from '../bot/slackRequests';
import { startPostgres } from '../support/postgres';
import { replicaLauncher, type Replica } from '../support/replicas';
import { median, percentile, row, type BenchRow } from './measure';
import { startSheetsApiProcess } from './sheetsApiProcess';
import { runLoadWorker, type SlackLoad } from './slackBench';

export const BOT_REPLICA = '--bot-replica';

const DOCUMENTS = 10_000;
const CONCURRENCY = 30;
const REQUESTS = 300;
const WARM_UP = 60;
const DEADLINE_MS = 120_000;
const CLAIMS = 300;

/** The small load balancer of the bench: each new request to the next replica in turn, over kept-alive connections. */
async function roundRobin(ports: readonly number[]): Promise<{ url: string; server: Server }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = createServer((req, res) => {
    const port = ports[next++ % ports.length]!;
    const upstream = request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, server };
}

/**
 * `/facturas` acknowledgement latency through a round-robin proxy: three real bot processes over
 * one PostgreSQL beside one; and the notifier's claim-and-record cost per post in PostgreSQL
 * beside the JSON file.
 */
export async function replicaBench(log: (line: string) => void): Promise<BenchRow[]> {
  const postgres = await startPostgres();
  const sheets = await startSheetsApiProcess(DOCUMENTS);
  const slack = await startFakeSlackApi();
  const launcher = await replicaLauncher({ script: process.argv[1]!, args: [BOT_REPLICA] });
  const rows: BenchRow[] = [];
  try {
    const ackLatency = async (replicas: number): Promise<{ latencies: number[]; failures: number }> => {
      const stateUrl = await postgres.createDatabase(`bench_${replicas}`);
      const started: Replica[] = await Promise.all(
        Array.from({ length: replicas }, () =>
          launcher.start({
            env: {
              SLACK_SIGNING_SECRET: SIGNING_SECRET,
              SLACK_BOT_TOKEN: slack.identity.token,
              SLACK_API_URL: slack.apiUrl,
              PORT: '0',
              SLACK_NOTIFY_CHANNEL: NOTIFY_CHANNEL,
              FACTURAS_TIMEZONE: 'UTC',
              FACTURAS_POLL_SECONDS: '3600',
              GOOGLE_SHEET_ID: sheets.spreadsheetId,
              FACTURAS_STATE_URL: stateUrl,
            },
            options: { sheetsRootUrl: sheets.rootUrl, webApiRetries: 0, runLoops: false },
          }),
        ),
      );
      const proxy = await roundRobin(started.map((r) => r.port));
      try {
        // Each replica reads the sheet once before the measured requests.
        const payloads = new SlackPayloads(slack, proxy.url);
        const before = slack.callsTo('response_url').length;
        for (let i = 0; i < replicas; i++) await payloads.command('penalolen', CLERK);
        await eventually(() => slack.callsTo('response_url').length >= before + replicas, 'the first answers', 60_000);
        const load: SlackLoad = {
          eventsUrl: proxy.url,
          slackBaseUrl: slack.baseUrl,
          identity: slack.identity,
          user: CLERK,
          queries: ['penalolen', `rut:${sheets.probeTaxId}`, 'estado:vencida', 'orden:-total'],
          concurrency: CONCURRENCY,
          requests: REQUESTS,
          warmUp: WARM_UP,
          deadlineMs: DEADLINE_MS,
        };
        const result = await runLoadWorker(load);
        return { latencies: result.latencies, failures: result.failures };
      } finally {
        proxy.server.close();
        await Promise.all(started.map((r) => r.stop()));
      }
    };
    log('  one replica behind the proxy');
    const one = await ackLatency(1);
    log('  three replicas behind the proxy');
    const three = await ackLatency(3);
    rows.push(
      row({
        group: 'slack',
        name: `/facturas ack p50, three replicas behind a round-robin proxy (${CONCURRENCY} concurrent)`,
        size: DOCUMENTS,
        oursMs: median(three.latencies),
        peerMs: median(one.latencies),
        peer: 'one replica behind the same proxy',
        detail: `${three.latencies.length} requests each; failures ${three.failures} / ${one.failures}`,
      }),
      row({
        group: 'slack',
        name: `/facturas ack p99, three replicas behind a round-robin proxy (${CONCURRENCY} concurrent)`,
        size: DOCUMENTS,
        oursMs: percentile(three.latencies, 99),
        peerMs: percentile(one.latencies, 99),
        peer: 'one replica behind the same proxy',
        detail: 'the machine has 2 cores: three replicas share them with the load generator and PostgreSQL',
      }),
    );

    const perPost = async (state: BotState): Promise<number> => {
      const timings: number[] = [];
      for (let i = 1; i <= CLAIMS; i++) {
        const key = `historial:H-${String(i).padStart(5, '0')}`;
        const started = performance.now();
        await state.undelivered([key]);
        await state.claim(key, NOTIFY_CHANNEL);
        await state.finishDelivery(key, `1760000000.${i}`);
        timings.push(performance.now() - started);
      }
      await state.close();
      return median(timings);
    };
    const dir = await mkdtemp(join(tmpdir(), 'facturas-bench-state-'));
    const pool = new Pool({ connectionString: await postgres.createDatabase('bench_claims'), max: 2 });
    await migrate(pool);
    const postgresMs = await perPost(createPostgresState({ pool, scope: 'bench', claimLifetimeMs: 120_000, ownsPool: true }));
    const fileMs = await perPost(await openFileState(join(dir, 'state.json')));
    await rm(dir, { recursive: true, force: true });
    rows.push(
      row({
        group: 'slack',
        name: 'notifier state cost per post (check, claim, record delivered)',
        size: CLAIMS,
        oursMs: postgresMs,
        peerMs: fileMs,
        peer: 'the JSON state file (fsync + rename per write)',
        detail: 'PostgreSQL on loopback with fsync off (a throwaway cluster); a real server with fsync adds its commit latency, still far below the ~1 s between two posts to a channel',
      }),
    );
    return rows;
  } finally {
    await launcher.close();
    await Promise.all([slack.close(), sheets.close()]);
    await postgres.stop();
  }
}
