import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BotSettingsError, startBot } from '../../slack-bot/startBot';
import { type FakeSheetsApi, startFakeSheetsApi } from '../fakes/sheetsApi';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slackApi';
import { recordingLogger } from './harness';
import { SIGNING_SECRET } from './slackRequests';
import { workbookFixture } from './workbookFixture';

const ROOT = path.resolve(__dirname, '..', '..');
const BOT = path.join(ROOT, 'build', 'slack-bot.js');

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run bot`'s process; a bot that starts is killed after the deadline, which only bounds a broken test. */
function runBot(env: Record<string, string>, deadlineMs = 20_000): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BOT], { env: { PATH: process.env['PATH'] ?? '', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const oneLine = (exit: Exit): string => {
  expect(exit.code).toBe(1);
  expect(exit.stderr).not.toMatch(/^\s+at /m);
  const lines = exit.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
};

describe('the bot process stops at start with one line naming the setting', () => {
  let slack: FakeSlackApi;
  let dir: string;
  let base: Record<string, string>;
  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), 'bot'], { cwd: ROOT, stdio: 'pipe' });
    slack = await startFakeSlackApi();
    dir = await mkdtemp(path.join(tmpdir(), 'facturas-bot-start-'));
    base = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: slack.identity.token, SLACK_API_URL: slack.apiUrl, FACTURAS_BOT_STATE: path.join(dir, 'state.json') };
  });
  afterAll(async () => {
    await slack.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when Slack cannot be reached', async () => {
    const port = await closedPort();
    const line = oneLine(await runBot({ ...base, SLACK_API_URL: `http://127.0.0.1:${port}/api/`, FACTURAS_WORKBOOK: path.join(dir, 'none.xlsx') }));
    expect(line).toBe(`SLACK_API_URL: no se pudo conectar con Slack en http://127.0.0.1:${port}/api/ (ECONNREFUSED); revise la conexión a internet o el proxy, o SLACK_API_URL si lo definió`);
  });

  it('when the workbook is missing', async () => {
    const missing = path.join(dir, 'missing.xlsx');
    const line = oneLine(await runBot({ ...base, FACTURAS_WORKBOOK: missing }));
    expect(line).toBe(`FACTURAS_WORKBOOK: no existe el libro ${missing}; créelo con «facturas init» o indique otro`);
  });

  it('when the workbook is not a workbook, in English on request', async () => {
    const garbage = path.join(dir, 'notes.xlsx');
    await writeFile(garbage, 'these are not the invoices you are looking for\n');
    const line = oneLine(await runBot({ ...base, FACTURAS_WORKBOOK: garbage, FACTURAS_LANG: 'en' }));
    expect(line).toMatch(new RegExp(`^FACTURAS_WORKBOOK: ${garbage.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} could not be read as an \\.xlsx workbook \\(.+\\)$`));
  });

  it('when FACTURAS_TIMEZONE is not a time zone', async () => {
    const exit = await runBot({ ...base, FACTURAS_TIMEZONE: 'America/Valparaiso' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).not.toMatch(/^\s+at /m);
    expect(exit.stderr.trim().split('\n')).toEqual(['Configuración del bot de Slack inválida:', '- FACTURAS_TIMEZONE: no es una zona horaria IANA (p. ej. America/Santiago)']);
  });
});

describe('the bot on a Google Sheet it cannot use does not start', () => {
  let slack: FakeSlackApi;
  let sheets: FakeSheetsApi;
  let dir: string;
  beforeEach(async () => {
    slack = await startFakeSlackApi();
    dir = await mkdtemp(path.join(tmpdir(), 'facturas-bot-start-'));
  });
  afterEach(async () => {
    await Promise.all([slack.close(), sheets.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  const start = (spreadsheetId: string, locale = 'es') =>
    startBot(
      { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: slack.identity.token, SLACK_API_URL: slack.apiUrl, PORT: '0', GOOGLE_SHEET_ID: spreadsheetId },
      { logger: recordingLogger([]), sheetsRootUrl: sheets.rootUrl, statePath: path.join(dir, 'state.json'), webApiRetries: 0, runLoops: false, locale },
    );

  it('when no sheet has that id', async () => {
    sheets = await startFakeSheetsApi(workbookFixture());
    await expect(start('1NoSuchSheetAtAll')).rejects.toThrow(new BotSettingsError('GOOGLE_SHEET_ID: no existe una hoja de Google con el id 1NoSuchSheetAtAll'));
  });

  it('when the sheet is not shared with the service account', async () => {
    sheets = await startFakeSheetsApi(workbookFixture());
    sheets.failNext('get', 403);
    await expect(start(sheets.spreadsheetId, 'en')).rejects.toThrow(
      new BotSettingsError(`GOOGLE_SHEET_ID: the service account has no access to sheet ${sheets.spreadsheetId}; share it with its email as Editor (or check GOOGLE_APPLICATION_CREDENTIALS)`),
    );
  });

  it('when the spreadsheet has no Facturas tab', async () => {
    sheets = await startFakeSheetsApi({
      'Hoja 1': [
        ['Nombre', 'Teléfono'],
        ['Ana', '+56 9 1234 5678'],
      ],
    });
    await expect(start(sheets.spreadsheetId)).rejects.toThrow(new BotSettingsError(`GOOGLE_SHEET_ID: ${sheets.spreadsheetId}: Falta la hoja Facturas; use «Preparar planilla» para crearla`));
  });
});
