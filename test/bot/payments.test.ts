import { type BotWorld, startBotWorld } from './harness';
import { ADMIN, CLERK, CHANNEL, eventually } from './slackRequests';
import { dateToSerial } from '../../core/node/sheetsStore';

const modalValues = (amount: string, date = '2026-10-14', reference = 'TRX-9') => ({
  payment_amount: { amount: { type: 'plain_text_input', value: amount } },
  payment_date: { date: { type: 'datepicker', selected_date: date } },
  payment_method: { method: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Transferencia' }, value: 'Transferencia' } } },
  payment_reference: { reference: { type: 'plain_text_input', value: reference } },
});

describe('recording a payment from Slack', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await startBotWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const pagosRows = () => world.sheets.rows('Pagos').length;

  it('refuses the button politely to someone who is not a payment admin, and writes nothing', async () => {
    await world.payloads.buttonClick('record_payment', JSON.stringify({ key: '33-1003', balance: 138_000 }), CLERK);
    const answer = await eventually(() => world.slack.callsTo('response_url')[0], 'the refusal');
    expect(answer.args['text']).toBe('No tiene permiso para registrar pagos; pídalo a un administrador');
    expect(world.slack.callsTo('views.open')).toHaveLength(0);
  });

  it('refuses a forged modal submission from a non-admin and writes nothing', async () => {
    const before = pagosRows();
    const metadata = JSON.stringify({ key: '33-1003', expectedBalance: 138_000, currency: 'CLP', channel: CHANNEL });
    const response = await world.payloads.viewSubmission('record_payment_modal', metadata, modalValues('138.000'), CLERK);
    expect(response.status).toBe(200);
    const body = JSON.parse(response.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors['payment_amount']).toBe('No tiene permiso para registrar pagos; pídalo a un administrador');
    expect(pagosRows()).toBe(before);
    expect(world.sheets.calls.filter((c) => c.method === 'batchUpdate')).toHaveLength(0);
  });

  it('opens the modal for an admin, then writes Pagos, Historial and the derived cells', async () => {
    await world.payloads.buttonClick('record_payment', JSON.stringify({ key: '33-1003', balance: 138_000 }), ADMIN);
    const opened = await eventually(() => world.slack.callsTo('views.open')[0], 'the modal');
    expect(opened.ok).toBe(true);
    const view = opened.args['view'] as { private_metadata: string; callback_id: string };
    expect(JSON.parse(view.private_metadata)).toEqual({ key: '33-1003', expectedBalance: 138_000, channel: CHANNEL });

    const response = await world.payloads.viewSubmission(view.callback_id, view.private_metadata, modalValues('138.000'), ADMIN);
    expect(response.status).toBe(200);
    expect(response.text).toBe('');

    const pagos = world.sheets.rows('Pagos');
    expect(pagos[pagos.length - 1]).toEqual([dateToSerial('2026-10-14'), 33, 1003, 138_000, 'Transferencia', 'TRX-9', 'uadmin01 (UADMIN01)']);
    const historial = world.sheets.rows('Historial');
    const entry = historial[historial.length - 1]!;
    expect(entry[1]).toBeCloseTo(dateToSerial('2026-10-15') + 0.5, 6);
    expect(entry.slice(2, 9)).toEqual([33, 1003, 'vencida', 'pagada', 138_000, 'uadmin01 (UADMIN01)', 'slack']);
    const facturas = world.sheets.rows('Facturas');
    const row = facturas.find((r) => r[1] === 1003)!;
    expect(row.slice(17, 20)).toEqual([238_000, 0, 'pagada']);
    // Only the rows and cells concerned, in one atomic batchUpdate: two appended rows and three cells.
    const writes = world.sheets.calls.filter((c) => c.method === 'batchUpdate');
    expect(writes).toHaveLength(1);
    expect((writes[0]!.body as { requests: object[] }).requests.map((r) => Object.keys(r)[0])).toEqual(['appendCells', 'appendCells', 'updateCells', 'updateCells', 'updateCells']);

    const confirmation = await eventually(() => world.slack.callsTo('chat.postEphemeral')[0], 'the confirmation');
    expect(confirmation.args['text']).toBe('Pago de $138.000 registrado en 33-1003: vencida → pagada; saldo $0.');
  });

  describe('a slow write is answered within the three seconds Slack waits', () => {
    const submitSlowly = async (method: 'batchGet' | 'batchUpdate', meanwhile: () => void = () => undefined) => {
      await world.close();
      world = await startBotWorld({ submissionAckMs: 150 });
      meanwhile();
      world.sheets.delayNext(method, 1_200);
      const metadata = JSON.stringify({ key: '33-1003', expectedBalance: 138_000, channel: CHANNEL });
      const response = await world.payloads.viewSubmission('record_payment_modal', metadata, modalValues('138.000'), ADMIN);
      expect(response.status).toBe(200);
      const body = JSON.parse(response.text) as { response_action: string; view: { blocks: { text: { text: string } }[] } };
      expect(body.response_action).toBe('update');
      expect(body.view.blocks[0]!.text.text).toBe('Guardando en la planilla… no cierre ni envíe de nuevo.');
      const update = await eventually(() => world.slack.callsTo('views.update')[0], 'the outcome in the modal');
      expect(update.ok).toBe(true);
      expect(update.args['view_id']).toBe('V123');
      return (update.args['view'] as { blocks: { text: { text: string } }[] }).blocks[0]!.text.text;
    };

    it('the modal says "saving" at once, then shows the payment recorded; the write lands once', async () => {
      const before = pagosRows();
      await expect(submitSlowly('batchUpdate')).resolves.toBe('Pago de $138.000 registrado en 33-1003: vencida → pagada; saldo $0.');
      expect(pagosRows()).toBe(before + 1);
      const confirmation = await eventually(() => world.slack.callsTo('chat.postEphemeral')[0], 'the confirmation');
      expect(confirmation.args['text']).toBe('Pago de $138.000 registrado en 33-1003: vencida → pagada; saldo $0.');
    });

    it('a refusal that comes late is shown in the modal as text, and nothing is written', async () => {
      // Someone else recorded 38.000 from the sidebar after the admin opened the form.
      const paidMeanwhile = () => world.sheets.appendRow('Pagos', [dateToSerial('2026-10-14'), 33, 1003, 38_000, 'Efectivo', '', 'maria']);
      await expect(submitSlowly('batchGet', paidMeanwhile)).resolves.toContain('cambió desde que se mostró (saldo ahora $100.000)');
      expect(world.sheets.calls.filter((c) => c.method === 'batchUpdate')).toHaveLength(0);
      expect(world.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    });
  });

  it('refuses when the document changed since it was shown', async () => {
    // Someone else recorded 38.000 from the sidebar after the admin opened the form.
    world.sheets.appendRow('Pagos', [dateToSerial('2026-10-14'), 33, 1003, 38_000, 'Efectivo', '', 'maria']);
    const before = pagosRows();
    const metadata = JSON.stringify({ key: '33-1003', expectedBalance: 138_000, currency: 'CLP', channel: CHANNEL });
    const response = await world.payloads.viewSubmission('record_payment_modal', metadata, modalValues('138.000'), ADMIN);
    const body = JSON.parse(response.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors['payment_amount']).toContain('cambió desde que se mostró (saldo ahora $100.000)');
    expect(pagosRows()).toBe(before);
  });

  it('puts a bad amount next to the amount field', async () => {
    const metadata = JSON.stringify({ key: '33-1003', expectedBalance: 138_000, currency: 'CLP', channel: CHANNEL });
    const response = await world.payloads.viewSubmission('record_payment_modal', metadata, modalValues('ciento mil'), ADMIN);
    const body = JSON.parse(response.text) as { errors: Record<string, string> };
    expect(Object.keys(body.errors)).toEqual(['payment_amount']);
    expect(body.errors['payment_amount']).toContain('ciento mil');
  });

  it("reads the amount in the document's currency, whatever the form's metadata says", async () => {
    // A modal claiming USD once turned "100.50" into 10.050 pesos on this peso invoice.
    const before = pagosRows();
    const metadata = JSON.stringify({ key: '33-1003', expectedBalance: 138_000, currency: 'USD', channel: CHANNEL });
    const response = await world.payloads.viewSubmission('record_payment_modal', metadata, modalValues('100.50'), ADMIN);
    const body = JSON.parse(response.text) as { errors: Record<string, string> };
    expect(body.errors['payment_amount']).toBe('«100.50» se puede leer de dos maneras en CLP; escriba 1.000 o 1000 (sin decimales)');
    expect(pagosRows()).toBe(before);
  });

  it('refuses a thousands comma on a peso invoice instead of recording $1', async () => {
    const before = pagosRows();
    const metadata = JSON.stringify({ key: '33-1003', expectedBalance: 138_000, currency: 'CLP', channel: CHANNEL });
    const response = await world.payloads.viewSubmission('record_payment_modal', metadata, modalValues('1,000'), ADMIN);
    const body = JSON.parse(response.text) as { errors: Record<string, string> };
    expect(body.errors['payment_amount']).toContain('«1,000» se puede leer de dos maneras en CLP');
    expect(pagosRows()).toBe(before);
  });
});

describe('two payment forms submitted at once', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await startBotWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('records exactly one payment, with distinct Historial ids, and tells the second user why', async () => {
    const pagosBefore = world.sheets.rows('Pagos').length;
    const historyBefore = world.sheets.rows('Historial').length;
    const metadata = JSON.stringify({ key: '33-1003', expectedBalance: 138_000, currency: 'CLP', channel: CHANNEL });
    const [first, second] = await Promise.all([
      world.payloads.viewSubmission('record_payment_modal', metadata, modalValues('138.000', '2026-10-14', 'TRX-A'), ADMIN),
      world.payloads.viewSubmission('record_payment_modal', metadata, modalValues('138.000', '2026-10-14', 'TRX-B'), ADMIN),
    ]);

    const pagos = world.sheets.rows('Pagos').slice(pagosBefore);
    expect(pagos).toHaveLength(1);
    expect(pagos[0]!.slice(2, 4)).toEqual([1003, 138_000]);
    const ids = world.sheets.rows('Historial').map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(historyBefore + 1);
    const row = world.sheets.rows('Facturas').find((r) => r[1] === 1003)!;
    expect(row.slice(17, 20)).toEqual([238_000, 0, 'pagada']);

    // One form closed; the other stayed open with the reason next to the amount.
    const answers = [first, second].map((r) => (r.text === '' ? null : (JSON.parse(r.text) as { response_action: string; errors: Record<string, string> })));
    expect(answers.filter((a) => a === null)).toHaveLength(1);
    const refused = answers.find((a) => a !== null)!;
    expect(refused.response_action).toBe('errors');
    expect(refused.errors['payment_amount']).toContain('33-1003 cambió desde que se mostró (saldo ahora $0); vuelva a abrirla');
  });

  it('tells the user and logs loudly when the add-on wrote the same payment at the very moment of the batch', async () => {
    world.sheets.beforeNext('batchUpdate', () => {
      world.sheets.appendRow('Pagos', [dateToSerial('2026-10-14'), 33, 1003, 138_000, 'Efectivo', 'SIDEBAR', 'maria']);
      world.sheets.appendRow('Historial', ['H-00001', dateToSerial('2026-10-15') + 0.5, 33, 1003, 'vencida', 'pagada', 138_000, 'maria', 'sidebar']);
    });
    const metadata = JSON.stringify({ key: '33-1003', expectedBalance: 138_000, currency: 'CLP', channel: CHANNEL });
    const response = await world.payloads.viewSubmission('record_payment_modal', metadata, modalValues('138.000'), ADMIN);
    const body = JSON.parse(response.text) as { response_action: string; errors: Record<string, string> };
    expect(body.errors['payment_amount']).toBe(
      'El pago se registró, pero otra persona escribió en la planilla en el mismo momento (Historial H-00001 quedó repetido; saldo bajo cero en 33-1003). Revise Pagos e Historial en la hoja; no lo envíe de nuevo.',
    );
    expect(world.logs.filter((l) => l.startsWith('error CONFLICT recording a payment from UADMIN01'))).toHaveLength(1);
  });
});
