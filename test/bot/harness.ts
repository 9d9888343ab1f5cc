import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@slack/bolt';
import { type BotHandle, type StartBotOptions, startBot } from '../../slack-bot/startBot';
import { type FakeCell, type FakeSheetsApi, startFakeSheetsApi } from '../fakes/sheetsApi';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slackApi';
import { ADMIN, MANAGER, NOTIFY_CHANNEL, SIGNING_SECRET, SlackPayloads } from './slackRequests';
import { NOW, workbookFixture } from './workbookFixture';

export interface BotWorld {
  readonly slack: FakeSlackApi;
  readonly sheets: FakeSheetsApi;
  readonly dir: string;
  readonly statePath: string;
  readonly logs: string[];
  bot: BotHandle;
  payloads: SlackPayloads;
  clock: { now: Date };
  env: Record<string, string>;
  /** Moves the bot's clock on, past the Sheets snapshot's expiry, as a poll interval would. */
  tick(seconds?: number): void;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function recordingLogger(lines: string[]): Logger {
  let level = 'info';
  const push =
    (at: string) =>
    (...msg: unknown[]) =>
      void lines.push(`${at} ${msg.map(String).join(' ')}`);
  return { debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error'), setLevel: (l) => void (level = l), getLevel: () => level as never, setName: () => undefined };
}

/** Fake Slack, fake Sheets and the real bot on a real port, its clock frozen at NOW unless moved. */
export async function startBotWorld(overrides: Partial<StartBotOptions> = {}, workbook: Record<string, FakeCell[][]> = workbookFixture()): Promise<BotWorld> {
  const slack = await startFakeSlackApi();
  const sheets = await startFakeSheetsApi(workbook);
  const dir = await mkdtemp(join(tmpdir(), 'facturas-bot-'));
  const statePath = join(dir, 'bot-state.json');
  const logs: string[] = [];
  const clock = { now: NOW };
  const env: Record<string, string> = {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: slack.identity.token,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    SLACK_NOTIFY_CHANNEL: NOTIFY_CHANNEL,
    SLACK_MANAGER_IDS: MANAGER,
    SLACK_PAYMENT_ADMINS: ADMIN,
    FACTURAS_ALERT_TIME: '09:00',
    FACTURAS_TIMEZONE: 'America/Santiago',
    FACTURAS_POLL_SECONDS: '60',
    GOOGLE_SHEET_ID: sheets.spreadsheetId,
  };
  const launch = (): Promise<BotHandle> =>
    startBot(env, { now: () => clock.now, logger: recordingLogger(logs), sheetsRootUrl: sheets.rootUrl, statePath, webApiRetries: 0, postIntervalMs: 5, runLoops: false, ...overrides });
  const world: BotWorld = {
    slack,
    sheets,
    dir,
    statePath,
    logs,
    clock,
    env,
    bot: undefined as unknown as BotHandle,
    payloads: undefined as unknown as SlackPayloads,
    tick(seconds = 60) {
      clock.now = new Date(clock.now.getTime() + seconds * 1000);
    },
    async restart() {
      await world.bot.stop();
      world.bot = await launch();
      world.payloads = new SlackPayloads(slack, `http://127.0.0.1:${world.bot.port}/slack/events`);
    },
    async close() {
      await world.bot?.stop();
      await Promise.all([slack.close(), sheets.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
  world.bot = await launch();
  world.payloads = new SlackPayloads(slack, `http://127.0.0.1:${world.bot.port}/slack/events`);
  return world;
}
