import { canonicalHeaders } from '../../core';
import { dateToSerial } from '../../core/node/sheetsStore';
import { type BotWorld, startBotWorld } from './harness';
import { MANAGER } from './slackRequests';
import { PENALOLEN, workbookFixture } from './workbookFixture';

describe("the managers' daily alert with collections", () => {
  let world: BotWorld;
  beforeEach(async () => {
    // Peñalolén promised on 1 October to pay 33-1003's $138.000 by the 10th, and did not.
    const gestiones = [
      canonicalHeaders('gestiones'),
      ['G-00001', dateToSerial('2026-10-01'), '', PENALOLEN.taxId, 33, 1003, 'promesa', dateToSerial('2026-10-10'), 138_000, 'por teléfono', 'ana', 'cli'],
    ];
    world = await startBotWorld({}, { ...workbookFixture(), Gestiones: gestiones });
  });
  afterEach(async () => {
    await world.close();
  });

  // Nobody has paid an invoice off yet, so each prediction is the due date of the largest open invoice, never before today.
  it('starts with broken promises, then the largest debtors with predicted pay dates, DSO and CEI', async () => {
    world.clock.now = new Date('2026-10-15T09:30:00-03:00');
    expect(await world.bot.checkDailyAlert()).toBe(1);
    const alert = world.slack.messages.find((m) => m.channel === `D${MANAGER}`)!;
    const blocks = alert.blocks as { type: string; text?: { text: string }; elements?: { text: string }[] }[];
    const texts = blocks.map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(' ') ?? '');
    expect(blocks[0]!.type).toBe('header');
    expect(texts[1]).toBe('*:warning: Promesas incumplidas*\n• 33-1003 · Servicios Peñalolén SpA · prometió $138.000 al 10-10-2026 · pagó $0');
    expect(texts[2]).toBe(
      '*Mayores deudores*\n• *Gamma Distribución Ltda* · $3.867.500 (vencido $0) · pago estimado 30-11-2026\n• *Acme Ltda* · $1.785.000 (vencido $1.190.000) · pago estimado 15-10-2026\n• *Servicios Peñalolén SpA* · $138.000 (vencido $138.000) · pago estimado 15-10-2026',
    );
    expect(texts[3]).toMatch(/^Mes 2026-09: DSO [\d,]+ días · CEI [\d,—%]+ · más de 90 días [\d,]+%$/);
    // The overdue customers follow, as before.
    expect(texts.findIndex((t) => t.includes('*Acme Ltda* (76.086.428-'))).toBeGreaterThan(3);
  });
});
