import { type BotWorld, startBotWorld } from './harness';
import { CLERK, eventually } from './slackRequests';

describe('each handler answers a short message when something is wrong', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await startBotWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  const answerTo = (tag: string) => eventually(() => world.slack.callsTo('response_url').find((c) => c.args['tag'] === tag), `an answer to ${tag}`).then((c) => String(c.args['text']));

  it('"Ver" on a document that no longer exists', async () => {
    await world.payloads.buttonClick('open_invoice', '33-4040', CLERK);
    expect(await answerTo(world.payloads.lastTag('action'))).toContain('No existe el documento «33-4040»');
  });

  it('a paging button with a damaged value', async () => {
    await world.payloads.buttonClick('results_page_next', '{not json', CLERK);
    expect(await answerTo(world.payloads.lastTag('action'))).toBe('Este botón o formulario ya no es válido; vuelva a buscar el documento con /facturas.');
    expect(world.logs.some((l) => l.startsWith('warn Paging button from UCLERK01 carried an unreadable value'))).toBe(true);
  });

  it('"PDF" on a document that no longer exists', async () => {
    await world.payloads.buttonClick('invoice_pdf', '33-4041', CLERK);
    expect(await answerTo(world.payloads.lastTag('action'))).toContain('No existe el documento «33-4041»');
    expect(world.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });

  it('"Buscar factura" on a message that mentions no document', async () => {
    await world.payloads.messageShortcut('search_invoice', 'buenos días a todos', CLERK);
    expect(await answerTo(world.payloads.lastTag('shortcut'))).toContain('Ningún documento coincide');
  });

  it('the Home tab when the sheet cannot be read and the last read is too old to show: logged, nothing published, the next open works', async () => {
    world.tick(3600);
    world.sheets.failNext('batchGet', 403);
    await world.payloads.event({ type: 'app_home_opened', user: CLERK, channel: 'D0HOME', tab: 'home', event_ts: '1760000001.1' }, 'Ev-fail-1');
    await eventually(() => world.logs.some((l) => l.startsWith(`error Publishing the Home tab for ${CLERK} failed`)), 'the failure to be logged');
    expect(world.slack.callsTo('views.publish')).toHaveLength(0);
    await world.payloads.event({ type: 'app_home_opened', user: CLERK, channel: 'D0HOME', tab: 'home', event_ts: '1760000001.2' }, 'Ev-fail-2');
    await eventually(() => world.slack.callsTo('views.publish').length > 0, 'a publish');
    expect(world.slack.callsTo('views.publish')).toHaveLength(1);
  });
});
