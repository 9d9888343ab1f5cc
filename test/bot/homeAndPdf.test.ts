import { type BotWorld, startBotWorld } from './harness';
import { CLERK, CHANNEL, eventually } from './slackRequests';
import { pdfText } from '../node/pdfText';

describe('App Home and invoice PDFs', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await startBotWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  it('publishes the receivables summary on the Home tab', async () => {
    const response = await world.payloads.event({ type: 'app_home_opened', user: CLERK, channel: 'D0HOME', tab: 'home', event_ts: '1760000000.1' }, 'Ev-home-1');
    expect(response.status).toBe(200);
    const publish = await eventually(() => world.slack.callsTo('views.publish')[0], 'views.publish');
    expect(publish.ok).toBe(true);
    expect(publish.args['user_id']).toBe(CLERK);
    const text = JSON.stringify((publish.args['view'] as { blocks: unknown[] }).blocks);
    // Owed: 1.190.000 + 595.000 + 138.000 + Gamma's 25 invoices (11.900 × 1..25 = 3.867.500).
    expect(text).toContain('Por cobrar*\\n$5.790.500 (28 documentos)');
    expect(text).toContain('Vencido*\\n$1.328.000 (2 documentos)');
    expect(text).toMatch(/1\. Gamma Distribución Ltda · \$3\.867\.500/);
    expect(text).toContain('2. Acme Ltda · $1.785.000 (vencido $1.190.000)');
    expect(text).toContain('1-30 días: $138.000');
    expect(text).toContain('31-60 días: $1.190.000');
  });

  it('ignores a retried event it already handled', async () => {
    const before = world.slack.callsTo('views.publish').length;
    const event = { type: 'app_home_opened', user: CLERK, channel: 'D0HOME', tab: 'home', event_ts: '1760000000.2' };
    await world.payloads.event(event, 'Ev-home-2');
    await eventually(() => world.slack.callsTo('views.publish').length === before + 1, 'the first publish');
    const retry = await world.payloads.event(event, 'Ev-home-2', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await eventually(() => world.logs.some((line) => line.includes('Ignored repeated event Ev-home-2')), 'the retry to be recognised');
    // A later, different event is handled: once it is, the retry has had its chance too.
    await world.payloads.event({ ...event, event_ts: '1760000000.3' }, 'Ev-home-3');
    await eventually(() => world.slack.callsTo('views.publish').length === before + 2, 'the next publish');
    expect(world.slack.callsTo('views.publish')).toHaveLength(before + 2);
  });

  it('uploads the invoice PDF to the conversation with files.uploadV2', async () => {
    await world.payloads.buttonClick('invoice_pdf', '33-1001', CLERK);
    const complete = await eventually(() => world.slack.callsTo('files.completeUploadExternal')[0], 'the upload to complete');
    expect(complete.ok).toBe(true);
    expect(complete.args['channel_id']).toBe(CHANNEL);
    const requested = world.slack.callsTo('files.getUploadURLExternal')[0]!;
    expect(requested.args['filename']).toBe('factura-33-1001.pdf');
    const upload = world.slack.callsTo('file_upload')[0]!;
    expect(upload.bytes!.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await pdfText(upload.bytes!);
    expect(text).toContain('1001');
    expect(text).toContain('Acme Ltda');
    expect(text).toContain('1.190.000');
  });
});
