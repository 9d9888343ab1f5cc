import { canonicalHeaders } from '../../core';
import { dateToSerial } from '../../core/node/sheetsStore';
import { type BotWorld, startBotWorld } from './harness';
import { ADMIN, CHANNEL, CLERK, eventually } from './slackRequests';
import { PENALOLEN, workbookFixture } from './workbookFixture';

const promiseValues = (date: string, amount: string, note = 'habló con tesorería') => ({
  promise_date: { date: { type: 'datepicker', selected_date: date } },
  promise_amount: { amount: { type: 'plain_text_input', value: amount } },
  promise_note: { note: { type: 'plain_text_input', value: note } },
});

/** 33-1003 (Peñalolén) owes $138.000, overdue since 30 September; today is 15 October 2026. */
describe('recording a promise to pay from Slack', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await startBotWorld({}, { ...workbookFixture(), Gestiones: [canonicalHeaders('gestiones')] });
  });
  afterEach(async () => {
    await world.close();
  });

  it('shows the button to admins on the invoice detail, opens the modal and writes one Gestiones row', async () => {
    await world.payloads.buttonClick('open_invoice', '33-1003', ADMIN);
    const detail = await eventually(() => world.slack.callsTo('response_url')[0], 'the detail');
    const buttons = (detail.args['blocks'] as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions')!.elements!;
    expect(buttons.map((b) => b.action_id)).toContain('record_promise');

    await world.payloads.buttonClick('record_promise', '33-1003', ADMIN);
    const opened = await eventually(() => world.slack.callsTo('views.open')[0], 'the modal');
    const view = opened.args['view'] as { private_metadata: string; callback_id: string; blocks: { block_id?: string; element?: { initial_date?: string; initial_value?: string } }[] };
    expect(view.callback_id).toBe('record_promise_modal');
    expect(view.blocks.find((b) => b.block_id === 'promise_date')!.element!.initial_date).toBe('2026-10-22');
    expect(view.blocks.find((b) => b.block_id === 'promise_amount')!.element!.initial_value).toBe('138000');

    const response = await world.payloads.viewSubmission(view.callback_id, view.private_metadata, promiseValues('2026-10-25', '100.000'), ADMIN);
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const rows = world.sheets.rows('Gestiones');
    expect(rows).toHaveLength(2);
    expect([rows[1]![0], rows[1]![1]]).toEqual(['G-00001', dateToSerial('2026-10-15')]);
    expect(rows[1]!.slice(3, 12)).toEqual([PENALOLEN.taxId, 33, 1003, 'promesa', dateToSerial('2026-10-25'), 100_000, 'habló con tesorería', 'uadmin01 (UADMIN01)', 'slack']);
    const confirmation = await eventually(() => world.slack.callsTo('chat.postEphemeral')[0], 'the confirmation');
    expect(confirmation.args['text']).toBe('Promesa registrada en 33-1003 (G-00001): $100.000 a más tardar el 25-10-2026.');
  });

  it('puts a past date and an amount above the balance next to their fields, writing nothing', async () => {
    const metadata = JSON.stringify({ key: '33-1003', channel: CHANNEL });
    const response = await world.payloads.viewSubmission('record_promise_modal', metadata, promiseValues('2026-10-14', '200.000'), ADMIN);
    const body = JSON.parse(response.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors).toEqual({
      promise_amount: 'El monto $200.000 supera el saldo de 33-1003 ($138.000)',
      promise_date: 'La fecha comprometida 14-10-2026 es anterior a hoy (15-10-2026)',
    });
    expect(world.sheets.rows('Gestiones')).toHaveLength(1);
  });

  it('refuses the button and a forged submission from someone who is not a payment admin', async () => {
    await world.payloads.buttonClick('record_promise', '33-1003', CLERK);
    const answer = await eventually(() => world.slack.callsTo('response_url')[0], 'the refusal');
    expect(answer.args['text']).toBe('No tiene permiso para registrar pagos; pídalo a un administrador');
    expect(world.slack.callsTo('views.open')).toHaveLength(0);
    const response = await world.payloads.viewSubmission('record_promise_modal', JSON.stringify({ key: '33-1003', channel: CHANNEL }), promiseValues('2026-10-25', '100.000'), CLERK);
    expect((JSON.parse(response.text) as { errors: Record<string, string> }).errors['promise_amount']).toBe('No tiene permiso para registrar pagos; pídalo a un administrador');
    expect(world.sheets.rows('Gestiones')).toHaveLength(1);
  });
});
