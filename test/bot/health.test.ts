import { type BotWorld, startBotWorld } from './harness';
import { eventually } from './slackRequests';

describe('/healthz', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await startBotWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const health = async () => {
    const response = await fetch(`http://127.0.0.1:${world.bot.port}/healthz`);
    return {
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      body: (await response.json()) as { ok: boolean; state: { kind: string; ok: boolean }; sheet: { lastSuccessAt: string | null; lastError: string | null } },
    };
  };

  it('reports the state and the last sheet read, and turns unhealthy while the sheet cannot be read', async () => {
    const before = await health();
    expect(before.status).toBe(200);
    expect(before.requestId).toMatch(/^[0-9a-f]{8}$/);
    // The start-up check has read the sheet once already.
    expect(before.body).toMatchObject({ ok: true, state: { kind: 'file', ok: true }, sheet: { lastSuccessAt: expect.any(String) } });

    world.tick();
    await world.bot.pollNotifications();
    const read = await health();
    expect(read.status).toBe(200);
    expect(read.body.sheet.lastSuccessAt).not.toBeNull();

    // A permanent refusal (the sheet no longer shared): the read fails and health says so.
    world.sheets.failNext('batchGet', 403);
    world.tick();
    await expect(world.bot.pollNotifications()).rejects.toThrow();
    const failing = await health();
    expect(failing.status).toBe(503);
    expect(failing.body.ok).toBe(false);
    expect(failing.body.sheet.lastError).toBeTruthy();

    world.tick();
    await world.bot.pollNotifications();
    expect((await health()).status).toBe(200);
  });

  it('logs each request with its id and team', async () => {
    await world.payloads.command('acme', 'UCLERK01');
    // Logged once the listener is done, after the acknowledgement.
    await eventually(() => world.logs.find((l) => /request [0-9a-f]{8} team T0FACTURAS \/facturas handled in \d+ ms/.test(l)), 'the request line', 10_000);
  });
});
