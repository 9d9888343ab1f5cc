import { type BotWorld, startBotWorld } from './harness';
import { ADMIN, CHANNEL, eventually } from './slackRequests';
import { PAGE_BUTTON_VALUE, PAYMENT_BUTTON_VALUE, PAYMENT_MODAL_METADATA, decodePayload } from '../../slack-bot/blocks/payloads';

type Block = { type: string; elements?: { action_id?: string; value?: string }[]; accessory?: { action_id: string; value: string } };

const STALE = 'Este botón o formulario ya no es válido; vuelva a buscar el documento con /facturas.';

describe('what buttons and forms carry, declared once and read back with the same schema', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await startBotWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  const answers = () => world.slack.callsTo('response_url');
  const nextAnswer = async (count: number) => (await eventually(() => answers()[count - 1], `answer ${count}`)).args as { text: string; blocks?: Block[] };

  it('the values the bot sends are the shapes its listeners read', async () => {
    await world.payloads.command('33-1003', ADMIN);
    const detail = await nextAnswer(1);
    const pay = detail.blocks!.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'record_payment')!;
    expect(decodePayload(PAYMENT_BUTTON_VALUE, pay.value)).toEqual({ key: '33-1003', balance: 138_000 });

    await world.payloads.buttonClick('record_payment', pay.value!, ADMIN);
    const opened = await eventually(() => world.slack.callsTo('views.open')[0], 'the form');
    const metadata = (opened.args['view'] as { private_metadata: string }).private_metadata;
    expect(decodePayload(PAYMENT_MODAL_METADATA, metadata)).toEqual({ key: '33-1003', expectedBalance: 138_000, channel: CHANNEL });

    await world.payloads.command('gamma', ADMIN);
    const page = await nextAnswer(2);
    const next = page.blocks!.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'results_page_next')!;
    expect(decodePayload(PAGE_BUTTON_VALUE, next.value)).toEqual({ q: 'gamma', o: 10 });
  });

  it('a button or form that carries something else is refused with a clear answer, no stack in the log, nothing written', async () => {
    const before = answers().length;
    await world.payloads.buttonClick('record_payment', '{"key":"33-1003"}', ADMIN);
    expect((await nextAnswer(before + 1)).text).toBe(STALE);
    await world.payloads.buttonClick('results_page_next', 'not json at all', ADMIN);
    expect((await nextAnswer(before + 2)).text).toBe(STALE);

    const values = { payment_amount: { amount: { type: 'plain_text_input', value: '1.000' } }, payment_date: { date: { type: 'datepicker', selected_date: '2026-10-14' } } };
    const response = await world.payloads.viewSubmission('record_payment_modal', JSON.stringify({ key: '33-1003', expectedBalance: '138000' }), values, ADMIN);
    expect(JSON.parse(response.text)).toEqual({ response_action: 'errors', errors: { payment_amount: STALE } });
    expect(world.sheets.calls.filter((c) => c.method === 'batchUpdate')).toHaveLength(0);
    expect(world.logs.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(world.logs.filter((l) => l.includes('unreadable'))).toHaveLength(3);
  });
});
