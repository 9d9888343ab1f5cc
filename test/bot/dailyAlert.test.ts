import { type BotWorld, startBotWorld } from './harness';
import { MANAGER } from './slackRequests';

/** Santiago is UTC-3 in October 2026. */
const santiago = (isoLocal: string): Date => new Date(`${isoLocal}-03:00`);

describe('daily pending-payment alert', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await startBotWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const directMessages = () => world.slack.messages.filter((m) => m.channel === `D${MANAGER}`);

  it('waits for FACTURAS_ALERT_TIME in FACTURAS_TIMEZONE, then sends the overdue documents by customer, once', async () => {
    world.clock.now = santiago('2026-10-15T08:59:00');
    expect(await world.bot.checkDailyAlert()).toBe(0);
    expect(directMessages()).toHaveLength(0);

    world.clock.now = santiago('2026-10-15T09:00:00');
    expect(await world.bot.checkDailyAlert()).toBe(1);
    expect(world.slack.callsTo('conversations.open')[0]!.args['users']).toBe(MANAGER);
    const [alert] = directMessages();
    const text = JSON.stringify(alert!.blocks);
    expect(alert!.text).toBe('Pagos vencidos al 15-10-2026: $1.328.000');
    expect(text).toContain('*$1.328.000* vencido en 2 documentos de 2 clientes.');
    expect(text).toContain('*Acme Ltda* (76.086.428-');
    expect(text).toContain('Factura 33-1001 · venció 31-08-2026 · 45 días · saldo $1.190.000');
    expect(text).toContain('*Servicios Peñalolén SpA*');
    expect(text).toContain('Factura 33-1003 · venció 30-09-2026 · 15 días · saldo $138.000');
    expect(text).not.toContain('33-1002');
    expect(text.indexOf('Acme Ltda')).toBeLessThan(text.indexOf('Peñalolén'));

    world.clock.now = santiago('2026-10-15T17:30:00');
    expect(await world.bot.checkDailyAlert()).toBe(0);
    expect(directMessages()).toHaveLength(1);
  });

  it('remembers across a restart that today was sent, and sends again the next day', async () => {
    world.clock.now = santiago('2026-10-15T10:00:00');
    expect(await world.bot.checkDailyAlert()).toBe(1);
    await world.restart();
    expect(await world.bot.checkDailyAlert()).toBe(0);
    world.clock.now = santiago('2026-10-16T09:05:00');
    expect(await world.bot.checkDailyAlert()).toBe(1);
    expect(directMessages().map((m) => m.text)).toEqual(['Pagos vencidos al 15-10-2026: $1.328.000', 'Pagos vencidos al 16-10-2026: $1.328.000']);
  });

  it('sends after a 429 once the Retry-After has passed', async () => {
    world.clock.now = santiago('2026-10-15T09:30:00');
    world.slack.rateLimitNext('chat.postMessage', 1);
    expect(await world.bot.checkDailyAlert()).toBe(1);
    expect(world.slack.callsTo('chat.postMessage').map((c) => c.error ?? 'ok')).toEqual(['ratelimited', 'ok']);
    expect(directMessages()).toHaveLength(1);
  });
});
