import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { dateToSerial } from '../../core/node/sheetsStore';
import { type BotHandle, startBot } from '../../slack-bot/startBot';
import { type FakeSheetsApi, startFakeSheetsApi } from '../fakes/sheetsApi';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slackApi';
import { type PostgresServer, startPostgres } from '../support/postgres';
import { recordingLogger } from './harness';
import { SIGNING_SECRET, SlackPayloads } from './slackRequests';
import { workbookFixture } from './workbookFixture';

jest.setTimeout(120_000);

const ALPHA = 'T0ALPHA';
const BETA = 'T0BETA';
const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
/** The env's channel and managers: Beta's admin sets none of its own, so Beta uses these. */
const FALLBACK_CHANNEL = 'C0FALLBACK';
const FALLBACK_MANAGER = 'UBETAMGR1';

const historyRow = (id: string, folio: number, from: string, to: string, amount: number) => [id, dateToSerial('2026-10-15') + 0.4, 33, folio, from, to, amount, 'maria', 'edición manual'];

/** Beta's workbook: the same documents, its customer Acme renamed, so an answer shows whose sheet it came from. */
const betaWorkbook = () => JSON.parse(JSON.stringify(workbookFixture()).split('Acme Ltda').join('Zeta Norte SpA')) as ReturnType<typeof workbookFixture>;

/** One Sheets API address for both fakes, routed by the spreadsheet id in the path, as Google serves every sheet. */
async function sheetsRouter(fakes: FakeSheetsApi[]): Promise<{ rootUrl: string; server: Server }> {
  const server = createServer((req, res) => {
    void (async () => {
      const id = /\/v4\/spreadsheets\/([^/:?]+)/.exec(req.url ?? '')?.[1];
      const fake = fakes.find((f) => f.spreadsheetId === id);
      if (!fake) return void res.writeHead(404).end();
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = Object.fromEntries(
        Object.entries(req.headers)
          .filter(([k]) => k !== 'host' && k !== 'content-length')
          .map(([k, v]) => [k, String(v)]),
      );
      const answer = await fetch(new URL(req.url!.replace(/^\//, ''), fake.rootUrl), { method: req.method!, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { rootUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('many workspaces through OAuth', () => {
  let postgres: PostgresServer;
  let slack: FakeSlackApi;
  let sheets: FakeSheetsApi[];
  let router: { rootUrl: string; server: Server };
  let pool: Pool;
  let bot: BotHandle;
  let botEnv: Record<string, string>;
  const logs: string[] = [];
  // Noon in Santiago, past the default 09:00 alert; each poll moves it on, past the store's short read cache, as the poll interval does.
  let clock = new Date('2026-10-20T15:00:00Z');
  const poll = (): Promise<number> => {
    clock = new Date(clock.getTime() + 60_000);
    return bot.pollNotifications();
  };

  beforeAll(async () => {
    postgres = await startPostgres();
    const stateUrl = await postgres.createDatabase('workspaces');
    pool = new Pool({ connectionString: stateUrl, max: 1 });
    slack = await startFakeSlackApi();
    sheets = [await startFakeSheetsApi(workbookFixture(), { spreadsheetId: 'sheetAlpha0001' }), await startFakeSheetsApi(betaWorkbook(), { spreadsheetId: 'sheetBeta00002' })];
    router = await sheetsRouter(sheets);
    botEnv = {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      FACTURAS_STATE_URL: stateUrl,
      FACTURAS_SECRET_KEY: SECRET_KEY,
      SLACK_CLIENT_ID: slack.oauthClient.clientId,
      SLACK_CLIENT_SECRET: slack.oauthClient.clientSecret,
      SLACK_STATE_SECRET: 'state-secret-for-tests-91f2',
      SLACK_NOTIFY_CHANNEL: FALLBACK_CHANNEL,
      SLACK_MANAGER_IDS: FALLBACK_MANAGER,
    };
    bot = await startBot(botEnv, { logger: recordingLogger(logs), now: () => clock, sheetsRootUrl: router.rootUrl, webApiRetries: 0, runLoops: false, postIntervalMs: 0 });
  });
  afterAll(async () => {
    await bot?.stop();
    await pool?.end();
    router?.server.close();
    await Promise.all([slack?.close(), ...(sheets ?? []).map((s) => s.close())]);
    await postgres?.stop();
  });

  const base = () => `http://127.0.0.1:${bot.port}`;
  let shared: SlackPayloads | undefined;
  // One generator for the whole file: its counter keeps every response_url tag unique.
  const payloads = () => (shared ??= new SlackPayloads(slack, `${base()}/slack/events`));

  /** What a browser does: open the install link, approve in Slack (the fake's code), come back with the state cookie. */
  async function install(teamId: string): Promise<number> {
    const start = await fetch(`${base()}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.searchParams.get('client_id')).toBe(slack.oauthClient.clientId);
    const cookie = start.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { code } = slack.addWorkspace({ teamId });
    const back = await fetch(`${base()}/slack/oauth_redirect?code=${code}&state=${authorize.searchParams.get('state')}`, { headers: { cookie }, redirect: 'manual' });
    return back.status;
  }

  async function ask(teamId: string, text: string, user: string): Promise<string> {
    const p = payloads();
    const sent = await p.command(text, user, { teamId });
    if (sent.status !== 200) return `HTTP ${sent.status}`;
    const tag = p.lastTag('command');
    if (sent.text.trim().startsWith('{')) return (JSON.parse(sent.text) as { text?: string }).text ?? '';
    const deadline = Date.now() + 20_000;
    for (;;) {
      const answer = slack.callsTo('response_url').find((c) => c.args['tag'] === tag);
      if (answer) return JSON.stringify(answer.args);
      if (Date.now() > deadline) throw new Error(`no answer to ${text} from ${teamId}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('installs two workspaces, each answered from the workbook its admin chose, and refuses a team that is not installed', async () => {
    expect(await install(ALPHA)).toBe(200);
    expect(await install(BETA)).toBe(200);
    const rows = await pool.query<{ team_id: string; installation: string }>('SELECT team_id, installation FROM facturas_installations ORDER BY team_id');
    expect(rows.rows.map((r) => r.team_id)).toEqual([ALPHA, BETA]);
    // Sealed at rest: no token in clear.
    for (const row of rows.rows) expect(row.installation).not.toMatch(/xoxb-/);

    slack.addUser(ALPHA, { id: 'UALPHAADM', isAdmin: true });
    slack.addUser(ALPHA, { id: 'UALPHACLK' });
    slack.addUser(BETA, { id: 'UBETAOWNR', isOwner: true });
    expect(await ask(ALPHA, 'acme', 'UALPHACLK')).toContain('aún no eligió su planilla');
    expect(await ask(ALPHA, 'config sheetAlpha0001', 'UALPHACLK')).toContain('Solo un administrador');
    expect(await ask(ALPHA, 'config sheetAlpha0001', 'UALPHAADM')).toContain('Listo: este workspace usa la planilla sheetAlpha0001');
    expect(await ask(BETA, 'config https://docs.google.com/spreadsheets/d/sheetBeta00002/edit#gid=0', 'UBETAOWNR')).toContain('sheetBeta00002');

    expect(await ask(ALPHA, 'acme', 'UALPHACLK')).toContain('Acme Ltda');
    expect(await ask(ALPHA, 'zeta', 'UALPHACLK')).not.toContain('Zeta Norte');
    expect(await ask(BETA, 'zeta', 'UBETAOWNR')).toContain('Zeta Norte SpA');
    expect(await ask(BETA, 'acme', 'UBETAOWNR')).not.toContain('Acme Ltda');

    const stranger = await ask('T0NOBODY', 'acme', 'UNOBODY01');
    expect(stranger).toMatch(/^HTTP 40\d$/);
  });

  it("posts each workspace's new Historial lines once, to its own channel with its own token, and sends each its managers' daily alert once", async () => {
    expect(await ask(ALPHA, 'config canal <#C0ALPHANOTE|cobranza>', 'UALPHACLK')).toContain('Solo un administrador');
    expect(await ask(ALPHA, 'config canal #cobranza', 'UALPHAADM')).toContain('ID_DEL_CANAL');
    expect(await ask(ALPHA, 'config canal <#C0ALPHANOTE|cobranza>', 'UALPHAADM')).toContain('C0ALPHANOTE');
    expect(await ask(ALPHA, 'config gerentes <@UALPHAADM|ana>', 'UALPHAADM')).toContain('1 gerente');

    // The first round takes each workbook's existing Historial as known.
    expect(await poll()).toBe(0);
    expect(slack.messages).toHaveLength(0);

    // The same entry id in both workbooks: the delivery keys are per team and sheet, so both are posted.
    sheets[0]!.appendRow('Historial', historyRow('h-3', 1002, 'pendiente', 'pagada', 595_000));
    sheets[1]!.appendRow('Historial', historyRow('h-3', 1002, 'pendiente', 'pagada', 595_000));
    // A second replica on the same database polls at the same moment: each entry still goes out once.
    const replica = await startBot(botEnv, { logger: recordingLogger([]), now: () => clock, sheetsRootUrl: router.rootUrl, webApiRetries: 0, runLoops: false, postIntervalMs: 0 });
    try {
      const [mine, theirs] = await Promise.all([poll(), replica.pollNotifications()]);
      expect(mine + theirs).toBe(2);
      expect(await replica.pollNotifications()).toBe(0);
    } finally {
      await replica.stop();
    }
    expect(await poll()).toBe(0);
    // Sorted: the two replicas may post in either order.
    const posts = slack.messages.map((m) => ({ channel: m.channel, teamId: m.teamId, text: m.text })).sort((a, b) => String(a.teamId).localeCompare(String(b.teamId)));
    expect(posts).toEqual([
      { channel: 'C0ALPHANOTE', teamId: ALPHA, text: 'Factura 33-1002 · Acme Ltda · pendiente → pagada · $595.000' },
      { channel: FALLBACK_CHANNEL, teamId: BETA, text: 'Factura 33-1002 · Zeta Norte SpA · pendiente → pagada · $595.000' },
    ]);
    const rows = await pool.query<{ scope: string }>("SELECT scope FROM facturas_deliveries WHERE key = 'historial:h-3' AND delivered_at IS NOT NULL ORDER BY scope");
    expect(rows.rows.map((r) => r.scope)).toEqual([`${ALPHA}/sheetAlpha0001`, `${BETA}/sheetBeta00002`]);

    expect(await bot.checkDailyAlert()).toBe(2);
    expect(await bot.checkDailyAlert()).toBe(0);
    const alerts = slack.messages.filter((m) => m.channel.startsWith('D')).map((m) => ({ channel: m.channel, teamId: m.teamId }));
    expect(alerts).toEqual([
      { channel: 'DUALPHAADM', teamId: ALPHA },
      { channel: `D${FALLBACK_MANAGER}`, teamId: BETA },
    ]);
    const alpha = slack.messages.find((m) => m.channel === 'DUALPHAADM')!;
    const beta = slack.messages.find((m) => m.channel === `D${FALLBACK_MANAGER}`)!;
    expect(JSON.stringify(alpha.blocks)).toContain('Acme Ltda');
    expect(JSON.stringify(alpha.blocks)).not.toContain('Zeta Norte');
    expect(JSON.stringify(beta.blocks)).toContain('Zeta Norte SpA');
  });

  it("deletes a workspace's installation and tokens when it uninstalls the app, then refuses it", async () => {
    const event = { type: 'app_uninstalled', event_ts: '1760000000.5' };
    const body = JSON.stringify({
      token: 'x',
      team_id: BETA,
      api_app_id: slack.identity.appId,
      event,
      type: 'event_callback',
      event_id: 'Ev-uninstall-1',
      event_time: 1760000000,
      authorizations: [{ team_id: BETA, user_id: 'U0BETABOT', is_bot: true, is_enterprise_install: false }],
    });
    const { signedPost } = await import('./slackRequests');
    expect((await signedPost(`${base()}/slack/events`, body, 'application/json')).status).toBe(200);
    const deadline = Date.now() + 20_000;
    while (((await pool.query('SELECT 1 FROM facturas_installations WHERE team_id = $1', [BETA])).rowCount ?? 0) > 0) {
      if (Date.now() > deadline) throw new Error('the installation was not deleted');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    slack.revokeWorkspace(BETA);
    expect(await ask(BETA, 'zeta', 'UBETAOWNR')).toMatch(/^HTTP 40\d$/);
    expect(await ask(ALPHA, 'acme', 'UALPHACLK')).toContain('Acme Ltda');

    // The uninstalled team is no longer polled; the other still is, on the channel its admin just changed to.
    expect(await ask(ALPHA, 'config channel C0ALPHANEW', 'UALPHAADM')).toContain('C0ALPHANEW');
    const before = slack.messages.length;
    sheets[1]!.appendRow('Historial', historyRow('h-4', 1001, 'vencida', 'parcial', 190_000));
    sheets[0]!.appendRow('Historial', historyRow('h-4', 1001, 'vencida', 'parcial', 190_000));
    expect(await poll()).toBe(1);
    expect(slack.messages.slice(before).map((m) => [m.channel, m.teamId])).toEqual([['C0ALPHANEW', ALPHA]]);
    expect(slack.callsTo('chat.postMessage').filter((c) => !c.ok)).toEqual([]);
  });
});
