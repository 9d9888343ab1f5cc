import { type BotWorld, startBotWorld } from './harness';
import { ADMIN, CLERK, eventually } from './slackRequests';
import { GAMMA_DOCUMENTS } from './workbookFixture';

type Block = {
  type: string;
  text?: { text: string };
  accessory?: { action_id: string; value: string };
  elements?: { action_id?: string; value?: string; text?: string | { text: string } }[];
  fields?: { text: string }[];
};

describe('/facturas search over the real Bolt app', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await startBotWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  const answerTo = async (tag: string) => {
    const call = await eventually(() => world.slack.callsTo('response_url').find((c) => c.args['tag'] === tag), `an answer to ${tag}`);
    expect(call.ok).toBe(true);
    return call.args as { response_type?: string; replace_original?: boolean; text: string; blocks: Block[] };
  };
  const allText = (blocks: Block[]): string => JSON.stringify(blocks);

  it('acknowledges at once and answers privately with matches, totals and a status mark', async () => {
    const response = await world.payloads.command('acme', CLERK);
    expect(response.status).toBe(200);
    const answer = await answerTo(world.payloads.lastTag('command'));
    expect(answer.response_type).toBe('ephemeral');
    const text = allText(answer.blocks);
    expect(text).toContain('2 documentos');
    expect(text).toContain('Factura 33-1001* · Acme Ltda');
    expect(text).toContain('01-08-2026 · Total $1.190.000 · Saldo $1.190.000 · :red_circle: vencida');
    expect(text).toContain('Factura 33-1002');
    expect(text).toContain('CLP: 2 documentos · Total $1.785.000 · Saldo $1.785.000');
  });

  it('finds accented names without accents', async () => {
    await world.payloads.command('penalolen', CLERK);
    const answer = await answerTo(world.payloads.lastTag('command'));
    expect(allText(answer.blocks)).toContain('Servicios Peñalolén SpA');
    expect(allText(answer.blocks)).toContain(':red_circle: vencida');
  });

  it('pages through many matches with buttons that replace the list', async () => {
    await world.payloads.command('gamma', CLERK);
    const first = await answerTo(world.payloads.lastTag('command'));
    const documents = first.blocks.filter((b) => b.accessory?.action_id === 'open_invoice');
    expect(documents).toHaveLength(10);
    expect(allText(first.blocks)).toContain(`Mostrando 1–10 de ${GAMMA_DOCUMENTS}`);
    const actions = first.blocks.find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual(['results_page_next']);

    await world.payloads.buttonClick('results_page_next', actions.elements![0]!.value!, CLERK);
    const second = await answerTo(world.payloads.lastTag('action'));
    expect(second.replace_original).toBe(true);
    expect(allText(second.blocks)).toContain(`Mostrando 11–20 de ${GAMMA_DOCUMENTS}`);
    const secondKeys = second.blocks.filter((b) => b.accessory).map((b) => b.accessory!.value);
    const firstKeys = documents.map((b) => b.accessory!.value);
    expect(secondKeys.some((k) => firstKeys.includes(k))).toBe(false);
    const paging = second.blocks.find((b) => b.type === 'actions')!;
    expect(paging.elements!.map((e) => e.action_id)).toEqual(['results_page_previous', 'results_page_next']);
  });

  it('keeps within Block Kit limits when every document matches', async () => {
    await world.payloads.command('orden:-total', CLERK);
    const answer = await answerTo(world.payloads.lastTag('command'));
    expect(answer.blocks.length).toBeLessThanOrEqual(50);
    expect(allText(answer.blocks)).toContain('29 documentos');
  });

  it('shows one document for /facturas FOLIO, with the payment button only for admins', async () => {
    await world.payloads.command('1003', CLERK);
    const clerkView = await answerTo(world.payloads.lastTag('command'));
    const text = allText(clerkView.blocks);
    expect(text).toContain('Factura 33-1003');
    expect(text).toContain('$100.000 / *$138.000*');
    expect(text).toContain('15-09-2026 · $100.000 · Transferencia · TRX-1');
    expect(text).toContain('15 días vencida');
    const clerkButtons = clerkView.blocks.find((b) => b.type === 'actions')!.elements!.map((e) => e.action_id);
    expect(clerkButtons).toEqual(['invoice_pdf']);

    await world.payloads.command('33-1003', ADMIN);
    const adminView = await answerTo(world.payloads.lastTag('command'));
    const adminButtons = adminView.blocks.find((b) => b.type === 'actions')!.elements!;
    expect(adminButtons.map((e) => e.action_id)).toEqual(['invoice_pdf', 'record_payment', 'record_promise']);
    expect(JSON.parse(adminButtons[1]!.value!)).toEqual({ key: '33-1003', balance: 138_000 });
  });

  it('opens a document from a search result', async () => {
    await world.payloads.buttonClick('open_invoice', '33-1002', CLERK);
    const answer = await answerTo(world.payloads.lastTag('action'));
    expect(answer.replace_original).toBe(false);
    expect(allText(answer.blocks)).toContain('Factura 33-1002');
  });

  it('explains the syntax for /facturas ayuda', async () => {
    await world.payloads.command('ayuda', CLERK);
    const answer = await answerTo(world.payloads.lastTag('command'));
    expect(allText(answer.blocks)).toContain('estado:vencida');
  });

  it("answers a bad query with the parser's message", async () => {
    await world.payloads.command('estado:rarísimo', CLERK);
    const answer = await answerTo(world.payloads.lastTag('command'));
    expect(answer.text).toContain('rarísimo');
    expect(answer.text).toMatch(/pendiente/);
  });

  it('says so when a folio does not exist', async () => {
    await world.payloads.command('33-9999', CLERK);
    const answer = await answerTo(world.payloads.lastTag('command'));
    expect(answer.text).toContain('No existe el documento «33-9999»');
  });

  it('searches with the text of a message from the "Buscar factura" shortcut', async () => {
    await world.payloads.messageShortcut('search_invoice', '¿Alguien sabe si ya pagaron la 1004?', CLERK);
    const answer = await answerTo(world.payloads.lastTag('shortcut'));
    expect(allText(answer.blocks)).toContain('Factura 33-1004* · Beta Comercial S.A.');
    expect(allText(answer.blocks)).toContain('pagada');
  });
});
