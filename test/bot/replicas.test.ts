import { Pool } from 'pg';
import { dateToSerial } from '../../core/node/sheetsStore';
import { type FakeSheetsApi, startFakeSheetsApi } from '../fakes/sheetsApi';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slackApi';
import { type PostgresServer, startPostgres } from '../support/postgres';
import { type Replica, type ReplicaLauncher, replicaLauncher } from '../support/replicas';
import { MANAGER, NOTIFY_CHANNEL, SIGNING_SECRET, SlackPayloads, eventually } from './slackRequests';
import { workbookFixture } from './workbookFixture';

const ENTRIES = 200;
const SECOND_MANAGER = 'UMANAGER2';
/** Long enough for every replica to post, short enough that the test does not wait long for the killed one's claim. */
const CLAIM_LIFETIME_MS = 3_000;
const DEADLINE_MS = 90_000;

const historyRow = (n: number) => [`H-${String(n).padStart(5, '0')}`, dateToSerial('2026-10-15') + 0.4, 33, 1002, 'pendiente', 'parcial', 1000 + n, 'maria', 'cli'];
const keyOf = (n: number) => `historial:H-${String(n).padStart(5, '0')}`;

jest.setTimeout(150_000);

describe('several bot replicas over one PostgreSQL', () => {
  let postgres: PostgresServer;
  let launcher: ReplicaLauncher;
  let slack: FakeSlackApi;
  let sheets: FakeSheetsApi;
  let pool: Pool;
  let stateUrl: string;
  let databases = 0;

  beforeAll(async () => {
    [postgres, launcher] = await Promise.all([startPostgres(), replicaLauncher()]);
  });
  afterAll(async () => {
    await launcher?.close();
    await postgres?.stop();
  });
  beforeEach(async () => {
    slack = await startFakeSlackApi();
    sheets = await startFakeSheetsApi(workbookFixture());
    stateUrl = await postgres.createDatabase(`replicas_${++databases}`);
    pool = new Pool({ connectionString: stateUrl, max: 2 });
  });
  afterEach(async () => {
    await pool.end();
    await Promise.all([slack.close(), sheets.close()]);
  });

  // The machine's clock, not a frozen one: the Sheets store keeps a read for five seconds of the bot's clock.
  const startReplicas = (count: number): Promise<Replica[]> =>
    Promise.all(
      Array.from({ length: count }, () =>
        launcher.start({
          env: {
            SLACK_SIGNING_SECRET: SIGNING_SECRET,
            SLACK_BOT_TOKEN: slack.identity.token,
            SLACK_API_URL: slack.apiUrl,
            PORT: '0',
            SLACK_NOTIFY_CHANNEL: NOTIFY_CHANNEL,
            SLACK_MANAGER_IDS: `${MANAGER},${SECOND_MANAGER}`,
            FACTURAS_ALERT_TIME: '00:00',
            FACTURAS_TIMEZONE: 'America/Santiago',
            FACTURAS_POLL_SECONDS: '1',
            GOOGLE_SHEET_ID: sheets.spreadsheetId,
            FACTURAS_STATE_URL: stateUrl,
          },
          options: { sheetsRootUrl: sheets.rootUrl, webApiRetries: 0, postIntervalMs: 0, claimLifetimeMs: CLAIM_LIFETIME_MS, requestTimeoutMs: 60_000 },
        }),
      ),
    );

  const baselineTaken = async (): Promise<boolean> => ((await pool.query('SELECT 1 FROM facturas_baselines')).rowCount ?? 0) > 0;
  const delivered = async (): Promise<number> =>
    Number((await pool.query("SELECT count(*) AS n FROM facturas_deliveries WHERE key LIKE 'historial:H-%' AND delivered_at IS NOT NULL AND message_ts IS NOT NULL")).rows[0].n);
  const waitFor = async (probe: () => Promise<boolean>, what: string): Promise<void> => {
    const until = Date.now() + DEADLINE_MS;
    while (!(await probe())) {
      if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const postsPerKey = (): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const message of slack.messages) {
      const key = message.metadata?.event_payload['key'];
      if (message.channel === NOTIFY_CHANNEL && typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const expectEachPostedOnce = (): void => {
    const counts = postsPerKey();
    const expected = Array.from({ length: ENTRIES }, (_, i) => keyOf(i + 1));
    expect(expected.filter((key) => counts.get(key) !== 1).map((key) => `${key}: ${counts.get(key) ?? 0}`)).toEqual([]);
    expect([...counts.keys()].sort()).toEqual(expected);
  };

  it('three replicas post 200 new Historial entries exactly once, one SIGKILLed while its post was unanswered', async () => {
    const replicas = await startReplicas(3);
    await waitFor(baselineTaken, 'the baseline');
    for (let n = 1; n <= ENTRIES; n++) sheets.appendRow('Historial', historyRow(n));

    await eventually(() => slack.messages.length >= 60, '60 posts', DEADLINE_MS);
    // Slack takes the next post but never answers: the replica that sent it is killed right there.
    slack.loseAnswerNext('chat.postMessage', 'hang');
    await eventually(() => slack.hanging === 1, 'a post left unanswered', DEADLINE_MS);
    const hung = slack.callsTo('chat.postMessage').find((c) => c.error === 'answer lost (hang)')!;
    const hungKey = (hung.args['metadata'] as { event_payload: { key: string } }).event_payload.key;
    const claim = await pool.query<{ claimed_by: string }>('SELECT claimed_by FROM facturas_deliveries WHERE key = $1', [hungKey]);
    const victimPid = Number(claim.rows[0]!.claimed_by.split(':')[1]);
    const victim = replicas.find((r) => r.pid === victimPid)!;
    expect(victim).toBeDefined();
    await victim.kill();

    await waitFor(async () => (await delivered()) === ENTRIES, `all ${ENTRIES} entries recorded as delivered`);
    const survivors = replicas.filter((r) => r !== victim);
    expect(await Promise.all(survivors.map((r) => r.stop()))).toEqual([0, 0]);
    expectEachPostedOnce();
    // The killed replica's post was found in the channel, not sent again.
    expect(survivors.some((r) => r.logs().includes(`Delivery ${hungKey} was already in ${NOTIFY_CHANNEL}`))).toBe(true);
    const ts = await pool.query<{ message_ts: string }>('SELECT message_ts FROM facturas_deliveries WHERE key = $1', [hungKey]);
    expect(ts.rows[0]!.message_ts).toBe(slack.messages.find((m) => m.metadata?.event_payload['key'] === hungKey)!.ts);
  });

  it('two replicas post 200 entries exactly once when one is SIGKILLed at an arbitrary moment', async () => {
    const replicas = await startReplicas(2);
    await waitFor(baselineTaken, 'the baseline');
    for (let n = 1; n <= ENTRIES; n++) sheets.appendRow('Historial', historyRow(n));
    await eventually(() => slack.messages.length >= 90, '90 posts', DEADLINE_MS);
    await replicas[0]!.kill();
    await waitFor(async () => (await delivered()) === ENTRIES, `all ${ENTRIES} entries recorded as delivered`);
    expect(await replicas[1]!.stop()).toBe(0);
    expectEachPostedOnce();
  });

  it('sends the daily alert once per manager with three replicas', async () => {
    const replicas = await startReplicas(3);
    await waitFor(async () => Number((await pool.query('SELECT count(*) AS n FROM facturas_daily_alerts WHERE delivered_at IS NOT NULL')).rows[0].n) === 2, 'both alerts');
    // Every replica has run its alert check at least once more after the alerts went out.
    await waitFor(async () => replicas.every((r) => (r.logs().match(/Facturas bot listening/g) ?? []).length === 1), 'the replicas to be up');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await Promise.all(replicas.map((r) => r.stop()))).toEqual([0, 0, 0]);
    const alerts = slack.messages.filter((m) => m.channel.startsWith('D'));
    expect(alerts.map((m) => m.channel).sort()).toEqual([`D${MANAGER}`, `D${SECOND_MANAGER}`]);
    const rows = await pool.query('SELECT manager FROM facturas_daily_alerts ORDER BY manager');
    expect(rows.rows).toEqual([{ manager: MANAGER }, { manager: SECOND_MANAGER }]);
  });

  it('an event Slack retries to another replica is not handled again', async () => {
    const [first, second] = await startReplicas(2);
    const event = { type: 'app_home_opened', user: 'UCLERK01', channel: 'D0HOME', tab: 'home', event_ts: '1760000000.1' };
    const toFirst = new SlackPayloads(slack, first!.eventsUrl);
    const toSecond = new SlackPayloads(slack, second!.eventsUrl);
    expect((await toFirst.event(event, 'Ev-replicated-1')).status).toBe(200);
    await eventually(() => slack.callsTo('views.publish').length === 1, 'the Home tab from the first replica');
    const retried = await toSecond.event(event, 'Ev-replicated-1', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retried.status).toBe(200);
    await eventually(() => second!.logs().includes('Ignored repeated event Ev-replicated-1'), 'the second replica to drop the retry');
    // A new event to the second replica is handled, so it was not simply deaf.
    await toSecond.event({ ...event, event_ts: '1760000000.2' }, 'Ev-replicated-2');
    await eventually(() => slack.callsTo('views.publish').length === 2, 'the Home tab from the second replica');
    expect(await Promise.all([first!.stop(), second!.stop()])).toEqual([0, 0]);
    expect(slack.callsTo('views.publish')).toHaveLength(2);
  });
});
