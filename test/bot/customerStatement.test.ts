import { type BotWorld, startBotWorld } from './harness';
import { ADMIN, eventually } from './slackRequests';
import { ACME } from './workbookFixture';

describe('/facturas cliente RUT', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await startBotWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("answers the customer's statement summary with a PDF button, and the button sends the PDF", async () => {
    const response = await world.payloads.command(`cliente ${ACME.taxId}`, ADMIN);
    expect(response.status).toBe(200);
    const answer = await eventually(() => world.slack.callsTo('response_url')[0], 'the statement');
    const blocks = JSON.stringify(answer.args['blocks']);
    expect(answer.args['text']).toBe('Estado de cuenta · Acme Ltda: $1.785.000');
    expect(blocks).toContain('Saldo final $1.785.000');
    expect(blocks).toContain('statement_pdf');

    await world.payloads.buttonClick('statement_pdf', ACME.taxId, ADMIN);
    const upload = await eventually(() => world.slack.callsTo('files.completeUploadExternal')[0] ?? world.slack.callsTo('files.getUploadURLExternal')[0], 'the upload');
    expect(upload).toBeDefined();
  });

  it('names a RUT nobody has', async () => {
    await world.payloads.command('cliente 11.111.111-1', ADMIN);
    const answer = await eventually(() => world.slack.callsTo('response_url')[0], 'the answer');
    expect(answer.args['text']).toBe('No hay cliente ni documentos con el RUT «11.111.111-1»');
  });
});
