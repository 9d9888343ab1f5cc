import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHILE, buildLedger } from '../../core/index';
import { createWorkbook } from '../../core/node/xlsxCreate';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { type BotHandle, startBot } from '../../slack-bot/startBot';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slackApi';
import { recordingLogger } from './harness';
import { ADMIN, CHANNEL, NOTIFY_CHANNEL, SIGNING_SECRET, SlackPayloads, eventually } from './slackRequests';
import { NOW } from './workbookFixture';

describe('the bot on the local .xlsx workbook (the default data source)', () => {
  let dir: string;
  let slack: FakeSlackApi;
  let bot: BotHandle;
  let workbook: string;
  const logs: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'facturas-bot-xlsx-'));
    workbook = join(dir, 'facturas.xlsx');
    await createWorkbook(workbook, { demo: true, today: '2026-10-15', seed: 7 });
    slack = await startFakeSlackApi();
    const env = {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: slack.identity.token,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      SLACK_NOTIFY_CHANNEL: NOTIFY_CHANNEL,
      SLACK_PAYMENT_ADMINS: ADMIN,
      FACTURAS_WORKBOOK: workbook,
    };
    bot = await startBot(env, { now: () => NOW, logger: recordingLogger(logs), webApiRetries: 0, postIntervalMs: 5, runLoops: false });
  });
  afterAll(async () => {
    await bot.stop();
    await slack.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps its state next to the workbook, records a payment in the file and posts the change', async () => {
    expect(await bot.pollNotifications()).toBe(0);
    await stat(`${workbook}.bot-state.json`);

    const before = await openXlsxStore(workbook).read();
    const owed = buildLedger(before.book, '2026-10-15', CHILE).views.find((v) => v.type === 33 && v.balance > 0 && v.paymentStatus !== 'anulada')!;
    const key = `${owed.type}-${owed.number}`;
    const payloads = new SlackPayloads(slack, `http://127.0.0.1:${bot.port}/slack/events`);
    const metadata = JSON.stringify({ key, expectedBalance: owed.balance, currency: owed.currency, channel: CHANNEL });
    const response = await payloads.viewSubmission(
      'record_payment_modal',
      metadata,
      {
        payment_amount: { amount: { type: 'plain_text_input', value: String(owed.balance) } },
        payment_date: { date: { type: 'datepicker', selected_date: '2026-10-15' } },
        payment_method: { method: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Cheque' }, value: 'Cheque' } } },
        payment_reference: { reference: { type: 'plain_text_input', value: null } },
      },
      ADMIN,
    );
    expect(response.text).toBe('');

    const after = await openXlsxStore(workbook).read();
    expect(after.book.payments).toHaveLength(before.book.payments.length + 1);
    expect(after.book.payments.at(-1)).toMatchObject({ type: owed.type, number: owed.number, amount: owed.balance, method: 'Cheque' });
    expect(after.book.history.at(-1)).toMatchObject({ type: owed.type, number: owed.number, newStatus: 'pagada', channel: 'slack' });

    expect(await bot.pollNotifications()).toBe(1);
    const post = await eventually(() => slack.messages.find((m) => m.channel === NOTIFY_CHANNEL), 'the status post');
    expect(post.text).toContain(`${key} · ${owed.customerName}`);
    expect(post.text).toContain('→ pagada');
  });
});
