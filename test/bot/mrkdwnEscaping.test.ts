import { type BotWorld, startBotWorld } from './harness';
import { ADMIN, CHANNEL, MANAGER, NOTIFY_CHANNEL, eventually } from './slackRequests';
import { workbookFixture } from './workbookFixture';
import { dateToSerial } from '../../core/node/sheetsStore';
import { escapeMrkdwn } from '../../slack-bot/blocks/text';

const MENTION = '<!channel>';
const LINK = '<https://evil.example|pague aquí>';

/** 33-1001 and 33-1002 belong to a customer named like a phishing link, 33-1003 to one named like @channel. */
function hostileWorkbook() {
  const workbook = workbookFixture();
  for (const row of workbook['Facturas']!) {
    if (row[1] === 1001 || row[1] === 1002) row[5] = LINK;
    if (row[1] === 1003) row[5] = MENTION;
  }
  return workbook;
}

/** Every string Slack would render, wherever it sits: `text` of a message, a block, a field, an element, a view. */
function renderedTexts(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => renderedTexts(item, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'text' && typeof inner === 'string') into.push(inner);
      else renderedTexts(inner, into);
    }
  }
  return into;
}

describe('customer names that look like mrkdwn never reach Slack as mrkdwn', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await startBotWorld({}, hostileWorkbook());
  });
  afterAll(async () => {
    await world.close();
  });

  it('escapes &, < and > in every text the bot sends: answers, detail, modal, confirmation, notification, alert, Home', async () => {
    await world.bot.pollNotifications();
    const answered = () => world.slack.callsTo('response_url').length;
    let expected = 0;
    const nextAnswer = (what: string) => {
      const wanted = ++expected;
      return eventually(() => answered() >= wanted, what);
    };
    for (const query of ['ayuda', 'evil', 'channel', '33-1001', '33-1003', `estado:${MENTION}`, `cliente:"${LINK}"`]) {
      await world.payloads.command(query, ADMIN);
      await nextAnswer(`the answer to ${query}`);
    }
    await world.payloads.buttonClick('open_invoice', '33-1003', ADMIN);
    await nextAnswer('the detail');
    await world.payloads.buttonClick('invoice_pdf', '33-1003', ADMIN);
    await eventually(() => world.slack.callsTo('file_upload')[0], 'the PDF');
    await world.payloads.messageShortcut('search_invoice', `¿pagó ${MENTION} la 1003?`, ADMIN);
    await nextAnswer('the shortcut answer');
    await world.payloads.buttonClick('record_payment', JSON.stringify({ key: '33-1003', balance: 138_000 }), ADMIN);
    await eventually(() => world.slack.callsTo('views.open')[0], 'the payment form');
    const values = {
      payment_amount: { amount: { type: 'plain_text_input', value: '100.000' } },
      payment_date: { date: { type: 'datepicker', selected_date: '2026-10-14' } },
      payment_method: { method: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Transferencia' }, value: 'Transferencia' } } },
      payment_reference: { reference: { type: 'plain_text_input', value: '<@U0BOSS>' } },
    };
    const metadata = JSON.stringify({ key: '33-1003', expectedBalance: 138_000, currency: 'CLP', channel: CHANNEL });
    expect((await world.payloads.viewSubmission('record_payment_modal', metadata, values, ADMIN)).text).toBe('');
    await eventually(() => world.slack.callsTo('chat.postEphemeral')[0], 'the confirmation');
    world.tick();
    expect(await world.bot.pollNotifications()).toBe(1);
    world.sheets.appendRow('Historial', ['h-9', dateToSerial('2026-10-15') + 0.4, 33, 1001, 'vencida', 'parcial', 1000, '<!here> & co', '<https://x.example|sidebar>']);
    world.tick();
    expect(await world.bot.pollNotifications()).toBe(1);
    expect(await world.bot.checkDailyAlert()).toBe(1);
    await world.payloads.event({ type: 'app_home_opened', user: ADMIN, channel: 'D0HOME', tab: 'home', event_ts: '1760000000.1' }, 'Ev-home-hostile');
    await eventually(() => world.slack.callsTo('views.publish')[0], 'the Home tab');
    await world.payloads.command('33-1003', ADMIN);
    await nextAnswer('the detail after the payment');

    // Everything above reached Slack, and the names are there, shown as text.
    const methods = new Set(world.slack.calls.map((c) => c.method));
    for (const method of ['response_url', 'views.open', 'chat.postEphemeral', 'chat.postMessage', 'views.publish']) expect(methods).toContain(method);
    expect(world.slack.messages.filter((m) => m.channel === NOTIFY_CHANNEL)).toHaveLength(2);
    expect(world.slack.messages.filter((m) => m.channel === `D${MANAGER}`)).toHaveLength(1);
    const texts = world.slack.calls.flatMap((c) => renderedTexts(c.args));
    const all = texts.join('\n');
    expect(all).toContain(escapeMrkdwn(MENTION));
    expect(all).toContain(escapeMrkdwn(LINK));
    expect(texts.filter((text) => /<[!@#]|<https?:|&(?!amp;|lt;|gt;)/.test(text))).toEqual([]);
  });
});
