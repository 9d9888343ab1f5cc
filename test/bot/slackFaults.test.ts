import { type BotWorld, startBotWorld } from './harness';
import { readFile } from 'node:fs/promises';
import { NOTIFY_CHANNEL, eventually } from './slackRequests';
import { dateToSerial } from '../../core/node/sheetsStore';
import type { LostAnswer } from '../fakes/slackApi';

const historyRow = (id: string) => [id, dateToSerial('2026-10-15') + 0.4, 33, 1002, 'pendiente', 'pagada', 595_000, 'maria', 'cli'];

describe('notifier when Slack fails', () => {
  let world: BotWorld;
  afterEach(async () => {
    await world.close();
  });

  const poll = () => {
    world.tick();
    return world.bot.pollNotifications();
  };
  const posts = () => world.slack.messages.filter((m) => m.channel === NOTIFY_CHANNEL);

  it.each<[LostAnswer, number]>([
    ['http500', 3],
    ['reset', 3],
    ['hang', 1],
  ])('posts once when Slack took the post but its answer was lost (%s), with the Web API client left at its default retries', async (how, times) => {
    // No webApiRetries override: the client's own retries are what posted an entry four times.
    world = await startBotWorld({ webApiRetries: undefined, requestTimeoutMs: 500 });
    await poll();
    world.sheets.appendRow('Historial', historyRow('H-00010'));
    world.slack.loseAnswerNext('chat.postMessage', how, times);
    expect(await poll()).toBe(1);
    expect(posts()).toHaveLength(1);
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(world.slack.callsTo('conversations.history').length).toBeGreaterThan(0);
    expect(world.logs.some((l) => l.includes('checking the channel before any retry'))).toBe(true);
    expect(await poll()).toBe(0);
    expect(posts()).toHaveLength(1);
  });

  it('keeps the claim when the history cannot be read either, and settles it from the history on the next poll', async () => {
    world = await startBotWorld();
    await poll();
    world.sheets.appendRow('Historial', historyRow('H-00011'));
    world.slack.loseAnswerNext('chat.postMessage', 'http500');
    world.slack.loseAnswerNext('conversations.history', 'http500');
    await expect(poll()).rejects.toThrow();
    expect(posts()).toHaveLength(1);
    expect(world.logs.some((l) => l.includes('left claimed for later'))).toBe(true);
    expect(await poll()).toBe(0);
    expect(posts()).toHaveLength(1);
    expect(world.logs.some((l) => l.includes('Delivery historial:H-00011 was already in'))).toBe(true);
    world.sheets.appendRow('Historial', historyRow('H-00012'));
    expect(await poll()).toBe(1);
    expect(posts()).toHaveLength(2);
  });
});

describe('stopping the bot', () => {
  let world: BotWorld;
  afterEach(async () => {
    await world.close();
  });

  it('gives back the claim of a post waiting out a rate limit, and the next start posts it once', async () => {
    world = await startBotWorld();
    world.tick();
    await world.bot.pollNotifications();
    world.sheets.appendRow('Historial', historyRow('H-00020'));
    // Two minutes to wait: a stop that waited for it would outlast the test.
    world.slack.rateLimitNext('chat.postMessage', 120);
    world.tick();
    const polling = world.bot.pollNotifications();
    await eventually(() => world.logs.some((l) => l.includes('retrying in 120s')), 'the rate-limit wait');
    await world.bot.stop();
    expect(await polling).toBe(0);
    const saved = JSON.parse(await readFile(world.statePath, 'utf8')) as { pending: unknown };
    expect(saved.pending).toBeNull();
    expect(world.slack.messages.filter((m) => m.channel === NOTIFY_CHANNEL)).toHaveLength(0);

    await world.restart();
    world.tick();
    expect(await world.bot.pollNotifications()).toBe(1);
    expect(world.slack.messages.filter((m) => m.channel === NOTIFY_CHANNEL)).toHaveLength(1);
  });
});
