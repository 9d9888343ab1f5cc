import { type BotWorld, startBotWorld } from './harness';
import { CLERK, eventually } from './slackRequests';

describe('read-only answers come from the last good read and never wait for a reload', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await startBotWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  const batchGets = () => world.sheets.calls.filter((c) => c.method === 'batchGet');
  const detailOf = async (folio: string): Promise<string> => {
    await world.payloads.command(folio, CLERK);
    const tag = world.payloads.lastTag('command');
    const call = await eventually(() => world.slack.callsTo('response_url').find((c) => c.args['tag'] === tag), `an answer to ${folio}`);
    return JSON.stringify(call.args);
  };

  it('answers from the old read while a refresh runs in the background, keeps it when the refresh fails, then shows the new rows', async () => {
    expect(await detailOf('33-1005')).toContain('No existe el documento');
    const reads = batchGets().length;
    const added = [...world.sheets.rows('Facturas')[1]!];
    added[1] = 1005;
    world.sheets.appendRow('Facturas', added);

    world.tick(30);
    world.sheets.failNext('batchGet', 403);
    expect(await detailOf('33-1005')).toContain('No existe el documento');
    await eventually(() => world.logs.some((l) => l.startsWith('warn Refreshing') && l.includes('answers keep the last read')), 'the failed refresh to be logged');
    expect(batchGets()).toHaveLength(reads + 1);

    world.tick(30);
    expect(await detailOf('33-1005')).toContain('No existe el documento');
    await eventually(() => batchGets().length === reads + 2 && batchGets()[reads + 1]!.status === 200, 'a background refresh');
    // The refresh is adopted once its rows are read, just after the API answered.
    let answer = await detailOf('33-1005');
    for (let i = 0; i < 20 && answer.includes('No existe el documento'); i++) answer = await detailOf('33-1005');
    expect(answer).toContain('1005');
    expect(answer).not.toContain('No existe el documento');
  });
});
