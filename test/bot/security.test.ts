import { type BotWorld, startBotWorld } from './harness';
import { CLERK, SIGNING_SECRET } from './slackRequests';
import { BotSettingsError, startBot } from '../../slack-bot/startBot';
import { loadSettings } from '../../slack-bot/settings';

describe('request security', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await startBotWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const answered = () => world.slack.callsTo('response_url').length;

  it('refuses a bad signature', async () => {
    const response = await world.payloads.command('acme', CLERK, { secret: 'not-the-secret' });
    expect(response.status).toBe(401);
  });

  it('refuses a timestamp more than five minutes old', async () => {
    const response = await world.payloads.command('acme', CLERK, { timestamp: nowSeconds() - 6 * 60 });
    expect(response.status).toBe(401);
  });

  it('refuses a timestamp more than five minutes in the future', async () => {
    const response = await world.payloads.command('acme', CLERK, { timestamp: nowSeconds() + 6 * 60 });
    expect(response.status).toBe(401);
  });

  it('drops a validly signed request for another workspace', async () => {
    const response = await world.payloads.command('acme', CLERK, { teamId: 'T0SOMEONEELSE' });
    expect(response.status).toBe(200);
    expect(world.logs.some((l) => l.includes('Dropped a request for team T0SOMEONEELSE'))).toBe(true);
  });

  it('answered none of the refused requests, and a good one still works', async () => {
    expect(answered()).toBe(0);
    const response = await world.payloads.command('acme', CLERK);
    expect(response.status).toBe(200);
  });

  it('never logs the token or the signing secret', () => {
    const all = world.logs.join('\n');
    expect(all).not.toContain(world.slack.identity.token);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});

describe('settings', () => {
  it('names every missing or bad setting in one message', () => {
    const result = loadSettings({ PORT: 'ochenta', FACTURAS_ALERT_TIME: '9am', SLACK_MANAGER_IDS: 'U123ABC,juan', FACTURAS_TIMEZONE: 'Mars/Olympus' });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'PORT', 'FACTURAS_ALERT_TIME', 'SLACK_MANAGER_IDS', 'FACTURAS_TIMEZONE']) expect(message).toContain(name);
    expect(message).not.toContain('SLACK_PAYMENT_ADMINS');
  });

  it('asks for the service account when a Google Sheet is configured', () => {
    const result = loadSettings({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', GOOGLE_SHEET_ID: '1AbCdEfGhIjKlMnOp' });
    expect(result.ok ? '' : result.message).toContain('GOOGLE_APPLICATION_CREDENTIALS');
  });

  it('applies the documented defaults', () => {
    const result = loadSettings({ SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(result.ok && result.settings).toMatchObject({
      port: 3000,
      alertTime: { hour: 9, minute: 0 },
      timeZone: 'America/Santiago',
      pollSeconds: 60,
      workbookPath: './facturas.xlsx',
      managerIds: [],
      paymentAdmins: [],
    });
  });

  it('startBot refuses to start with a message naming the setting', async () => {
    await expect(startBot({ SLACK_SIGNING_SECRET: 'secret' })).rejects.toThrow(BotSettingsError);
    await expect(startBot({ SLACK_SIGNING_SECRET: 'secret' })).rejects.toThrow(/SLACK_BOT_TOKEN/);
  });
});
