import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkbook } from '../../core/node/xlsxCreate';
import { saveLastClaims } from '../../core/node/siiClaimsFile';
import { type BotHandle, startBot } from '../../slack-bot/startBot';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slackApi';
import { recordingLogger } from './harness';
import { MANAGER, NOTIFY_CHANNEL, SIGNING_SECRET } from './slackRequests';
import { NOW } from './workbookFixture';

describe("the managers' daily alert and the last RCV reconciliation", () => {
  let dir: string;
  let slack: FakeSlackApi;
  let bot: BotHandle | undefined;
  let workbook: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'facturas-bot-rcv-'));
    workbook = join(dir, 'facturas.xlsx');
    await createWorkbook(workbook, { demo: true, today: '2026-10-15', seed: 7 });
    slack = await startFakeSlackApi();
  });
  afterEach(async () => {
    await bot?.stop();
    await slack.close();
    await rm(dir, { recursive: true, force: true });
  });

  const start = async () => {
    const env = {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: slack.identity.token,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      SLACK_NOTIFY_CHANNEL: NOTIFY_CHANNEL,
      SLACK_MANAGER_IDS: MANAGER,
      FACTURAS_ALERT_TIME: '09:00',
      FACTURAS_TIMEZONE: 'America/Santiago',
      FACTURAS_WORKBOOK: workbook,
    };
    bot = await startBot(env, { now: () => NOW, logger: recordingLogger([]), webApiRetries: 0, postIntervalMs: 5, runLoops: false });
    expect(await bot.checkDailyAlert()).toBe(1);
    return slack.messages.filter((m) => m.channel === `D${MANAGER}`)[0]!;
  };

  it('names the documents the customer claimed in the RCV', async () => {
    await saveLastClaims(workbook, { period: '2026-10', reconciledAt: '2026-10-14T20:00:00.000Z', file: 'rcv.csv', claimed: [{ type: 33, number: 80004, claimDate: '2026-10-10' }] });
    const alert = await start();
    expect(alert.text).toMatch(/ · 1 reclamados en el RCV$/);
    expect(JSON.stringify(alert.blocks)).toContain('*1 documento reclamado* por el cliente en el RCV de octubre 2026 (conciliación del 14-10-2026):\\n• Factura 33-80004 · reclamado el 10-10-2026');
  });

  it('says nothing of the RCV when no reconciliation was run', async () => {
    const alert = await start();
    expect(alert.text).not.toContain('RCV');
    expect(JSON.stringify(alert.blocks)).not.toContain('RCV');
  });
});
