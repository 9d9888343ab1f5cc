import { readFile, writeFile } from 'node:fs/promises';
import { type BotWorld, startBotWorld } from './harness';
import { NOTIFY_CHANNEL } from './slackRequests';
import { dateToSerial } from '../../core/node/sheetsStore';

const historyRow = (id: string, folio: number, from: string, to: string, amount: number, channel = 'edición manual') => [
  id,
  dateToSerial('2026-10-15') + 0.4,
  33,
  folio,
  from,
  to,
  amount,
  'maria',
  channel,
];

describe('payment-status notifier', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await startBotWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const poll = () => {
    world.tick();
    return world.bot.pollNotifications();
  };
  const posts = () => world.slack.messages.filter((m) => m.channel === NOTIFY_CHANNEL);

  it('takes the existing Historial as known, then posts each new entry once, whoever wrote it', async () => {
    expect(await poll()).toBe(0);
    expect(posts()).toHaveLength(0);

    world.sheets.appendRow('Historial', historyRow('h-3', 1002, 'pendiente', 'pagada', 595_000));
    expect(await poll()).toBe(1);
    expect(posts().map((p) => p.text)).toEqual(['Factura 33-1002 · Acme Ltda · pendiente → pagada · $595.000']);
    expect(JSON.stringify(posts()[0]!.blocks)).toContain('Registrado por maria vía edición manual');

    expect(await poll()).toBe(0);
    expect(posts()).toHaveLength(1);
  });

  it('neither reposts nor skips across a restart', async () => {
    await poll();
    world.sheets.appendRow('Historial', historyRow('h-3', 1002, 'pendiente', 'pagada', 595_000));
    await poll();
    await world.bot.stop();
    // Written while the bot was down, by the CLI.
    world.sheets.appendRow('Historial', historyRow('h-4', 1001, 'vencida', 'parcial', 190_000, 'cli'));
    await world.restart();
    expect(await poll()).toBe(1);
    expect(posts().map((p) => p.text)).toEqual(['Factura 33-1002 · Acme Ltda · pendiente → pagada · $595.000', 'Factura 33-1001 · Acme Ltda · vencida → parcial · $190.000']);
  });

  it('after a crash between posting and recording, finds its own message and does not post again', async () => {
    await poll();
    world.sheets.appendRow('Historial', historyRow('h-5', 1002, 'pendiente', 'pagada', 595_000));
    await world.bot.stop();
    // The state a crash right after chat.postMessage leaves: the post went out, the key is still pending.
    await fetch(`${world.slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.slack.identity.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: NOTIFY_CHANNEL,
        text: 'Factura 33-1002 · Acme Ltda · pendiente → pagada · $595.000',
        metadata: { event_type: 'facturas_delivery', event_payload: { key: 'historial:h-5' } },
      }),
    });
    const state = JSON.parse(await readFile(world.statePath, 'utf8')) as Record<string, unknown>;
    await writeFile(world.statePath, JSON.stringify({ ...state, pending: { key: 'historial:h-5', channel: NOTIFY_CHANNEL } }));
    await world.restart();
    expect(await poll()).toBe(0);
    expect(posts()).toHaveLength(1);
  });

  it('after a crash before the post went out, posts it', async () => {
    await poll();
    world.sheets.appendRow('Historial', historyRow('h-6', 1002, 'pendiente', 'pagada', 595_000));
    await world.bot.stop();
    const state = JSON.parse(await readFile(world.statePath, 'utf8')) as Record<string, unknown>;
    await writeFile(world.statePath, JSON.stringify({ ...state, pending: { key: 'historial:h-6', channel: NOTIFY_CHANNEL } }));
    await world.restart();
    expect(await poll()).toBe(1);
    expect(posts()).toHaveLength(1);
  });

  it('waits out a 429 as Retry-After says and then posts once', async () => {
    await poll();
    world.sheets.appendRow('Historial', historyRow('h-7', 1002, 'pendiente', 'pagada', 595_000));
    world.slack.rateLimitNext('chat.postMessage', 1);
    expect(await poll()).toBe(1);
    const attempts = world.slack.callsTo('chat.postMessage');
    expect(attempts.map((c) => c.error ?? 'ok')).toEqual(['ratelimited', 'ok']);
    expect(posts()).toHaveLength(1);
    expect(world.logs.some((l) => l.includes('retrying in 1s'))).toBe(true);
  });
});
