import type { AddressInfo } from 'node:net';
import { App, ErrorCode, ExpressReceiver } from '@slack/bolt';
import { auth as googleAuth } from '@googleapis/sheets';
import { z } from 'zod';
import { CHILE, parseLocale } from '../../core/index';
import { openSheetsStore } from '../../core/node/sheetsStore';
import { BotSettingsError } from '../botSettingsError';
import { healthReport, sheetReadRecorder } from '../health';
import { closeServer, createBotServer, listen } from '../httpServer';
import { createLedgerSnapshot } from '../ledgerSnapshot';
import { registerListeners } from '../listeners';
import { consoleLogger, redactingLogger } from '../logging';
import { dedupeEvents } from '../middleware/dedupeEvents';
import { REQUEST_ID_HEADER, requestLog } from '../middleware/requestLog';
import { loadSettings } from '../settings';
import { openBotState, stateUrlSetting } from '../state/openState';
import { createTurns } from '../turns';
import type { BotHandle, StartBotOptions } from '../startBot';
import { postgresInstallations } from './installationStore';
import { parseSecretKey } from './secretBox';
import { teamWorkbooks } from './teamWorkbooks';
import { registerUninstall, workspaceMiddleware } from './workspaceMiddleware';
import { workspaceRounds } from './workspaceRounds';
import { repeat } from '../scheduler/repeat';

/** The manifest's bot scopes, and users:read to check that `/facturas config` comes from an admin. */
export const WORKSPACE_SCOPES = ['commands', 'chat:write', 'files:write', 'im:write', 'channels:history', 'groups:history', 'im:history', 'users:read'];

/** loadSettings wants one bot token; with OAuth each workspace brings its own, so this stands in and is never sent. */
const NO_SINGLE_TOKEN = 'xoxb-per-workspace-installations';
const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
const SNAPSHOT_FRESH_MS = 5_000;
const MAX_STALE_MS = 120_000;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_SHUTDOWN_GRACE_MS = 5_000;

const required = (what: string) => z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), z.string({ error: `falta (${what})` }));
const OAUTH_SETTINGS = z.object({
  SLACK_CLIENT_ID: required('Basic Information > App Credentials > Client ID'),
  SLACK_CLIENT_SECRET: required('Basic Information > App Credentials > Client Secret'),
  SLACK_STATE_SECRET: required('una frase secreta larga para firmar el estado de OAuth'),
  FACTURAS_STATE_URL: required('con OAuth las instalaciones se guardan en PostgreSQL: postgres://…'),
});

export const workspacesRequested = (env: Readonly<Record<string, string | undefined>>): boolean => Boolean(env['SLACK_CLIENT_ID']?.trim());

/**
 * The bot for many workspaces: Bolt's OAuth (`/slack/install`, `/slack/oauth_redirect`) with the
 * installations in PostgreSQL, each workspace answered from the Google Sheet its admin chose with
 * `/facturas config`; the status-change notifier and the daily alert run for each of them
 * (./workspaceRounds.ts), to the channel and managers that admin set or the env's.
 */
export async function startWorkspacesBot(env: Readonly<Record<string, string | undefined>>, options: StartBotOptions = {}): Promise<BotHandle> {
  const problems: string[] = [];
  const loaded = loadSettings({ ...env, SLACK_BOT_TOKEN: NO_SINGLE_TOKEN }, { credentialsOptional: options.sheetsRootUrl !== undefined });
  if (!loaded.ok) problems.push(...loaded.message.split('\n- ').slice(1));
  const oauth = OAUTH_SETTINGS.safeParse(env);
  if (!oauth.success) for (const issue of oauth.error.issues) problems.push(`${String(issue.path[0])}: ${issue.message}`);
  const secretKey = parseSecretKey(env['FACTURAS_SECRET_KEY']);
  if (!secretKey.ok) problems.push(secretKey.message);
  const stateUrl = stateUrlSetting(env);
  if (!stateUrl.ok) problems.push(stateUrl.message);
  if (!env['GOOGLE_APPLICATION_CREDENTIALS']?.trim() && options.sheetsRootUrl === undefined) {
    problems.push('GOOGLE_APPLICATION_CREDENTIALS: falta; cada workspace comparte su planilla con esta cuenta de servicio');
  }
  if (!loaded.ok || !oauth.success || !secretKey.ok || !stateUrl.ok || problems.length > 0) {
    throw new BotSettingsError(`Configuración del bot de Slack inválida:\n- ${problems.join('\n- ')}`);
  }
  const settings = loaded.settings;
  const now = options.now ?? (() => new Date());
  const logger = redactingLogger(options.logger ?? consoleLogger(), [settings.signingSecret, oauth.data.SLACK_CLIENT_SECRET, oauth.data.SLACK_STATE_SECRET]);
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clientOptions = {
    timeout: timeoutMs,
    ...(settings.slackApiUrl ? { slackApiUrl: settings.slackApiUrl } : {}),
    ...(options.webApiRetries !== undefined ? { retryConfig: { retries: options.webApiRetries } } : {}),
  };

  let opened: Awaited<ReturnType<typeof openBotState>>;
  try {
    opened = await openBotState({
      url: stateUrl.url,
      filePath: '',
      scope: 'workspaces',
      claimLifetimeMs: options.claimLifetimeMs ?? 120_000,
      onPoolError: (error) => logger.warn(`The state database dropped a connection: ${error.message}`),
    });
  } catch (error) {
    throw new BotSettingsError((error as Error).message);
  }
  const { state, pool } = opened;
  const installations = postgresInstallations(pool!, secretKey.key);

  const authClient = options.sheetsAuth ?? (settings.googleCredentials ? new googleAuth.GoogleAuth({ keyFile: settings.googleCredentials, scopes: [SHEETS_SCOPE] }) : undefined);
  const openSheet = (spreadsheetId: string) =>
    openSheetsStore({
      spreadsheetId,
      now,
      ...(authClient ? { auth: authClient } : {}),
      ...(options.sheetsRootUrl ? { rootUrl: options.sheetsRootUrl } : {}),
    });
  const sheetReads = sheetReadRecorder();
  let unanswered = (): number => 0;
  const turns = createTurns({ acksPending: () => unanswered() > 0 });
  const locale = parseLocale(options.locale);
  const workbooks = teamWorkbooks({
    sheetOf: (teamId) => installations.sheetOf(teamId),
    open: (sheetId) => createLedgerSnapshot({ store: sheetReads.watch(openSheet(sheetId)), now, logger, freshMillis: SNAPSHOT_FRESH_MS, maxStaleMillis: MAX_STALE_MS }),
    base: { settings, turns, profile: CHILE, locale, now },
  });

  const receiver = new ExpressReceiver({
    signingSecret: settings.signingSecret,
    signatureVerification: true,
    logger,
    clientId: oauth.data.SLACK_CLIENT_ID,
    clientSecret: oauth.data.SLACK_CLIENT_SECRET,
    stateSecret: oauth.data.SLACK_STATE_SECRET,
    scopes: WORKSPACE_SCOPES,
    installationStore: installations,
    installerOptions: { directInstall: true, clientOptions },
    customPropertiesExtractor: (req) => ({ requestId: String(req.headers[REQUEST_ID_HEADER] ?? '-') }),
  });
  const app = new App({ receiver, logger, convoStore: false, clientOptions });
  app.use(requestLog());
  app.use(dedupeEvents((eventId, teamId) => state.firstSighting(eventId, teamId)));
  app.use(
    workspaceMiddleware(installations, workbooks, locale, async (sheetId) => {
      try {
        await openSheet(sheetId).read();
        return true;
      } catch (error) {
        logger.warn(`Workbook ${sheetId} could not be read: ${(error as Error).message}`);
        return false;
      }
    }),
  );
  registerUninstall(app, installations, workbooks, logger);
  registerListeners(app, workbooks.services);
  app.error(async (error) => {
    if ((error as { code?: unknown }).code === ErrorCode.AuthorizationError) {
      // Rethrown so the receiver answers 401 rather than Bolt's silent 200: the team has not installed the app (or uninstalled it).
      logger.warn(`Refused a request from a workspace without an installation: ${error.message}`);
      throw error;
    }
    logger.error(`Unhandled error in a Slack listener: ${error.stack ?? error.message}`);
  });

  const botServer = createBotServer(receiver.app, logger, () => healthReport(state, 'postgresql', sheetReads));
  unanswered = botServer.unanswered;
  try {
    await listen(botServer.server, options.port ?? settings.port);
  } catch (error) {
    await state.close();
    throw new BotSettingsError(`PORT: no se pudo abrir el puerto ${options.port ?? settings.port} (${(error as Error).message})`);
  }
  const rounds = workspaceRounds({
    installations,
    workbooks,
    pool: pool!,
    base: { settings, turns, profile: CHILE, locale, now },
    logger,
    clientOptions,
    claimLifetimeMs: options.claimLifetimeMs ?? 120_000,
    ...(options.postIntervalMs !== undefined ? { postIntervalMs: options.postIntervalMs } : {}),
  });
  const autoStart = options.runLoops ?? true;
  const intervalMs = settings.pollSeconds * 1000;
  const notifierLoop = repeat('Payment-status notifier (every workspace)', intervalMs, () => rounds.pollNotifications(), logger, autoStart);
  const alertLoop = repeat('Daily pending-payment alert (every workspace)', Math.min(intervalMs, 60_000), () => rounds.checkDailyAlert(), logger, autoStart);

  const port = (botServer.server.address() as AddressInfo).port;
  logger.info(`Facturas bot listening on port ${port} for every workspace that installs it (OAuth), state: ${state.description}`);
  let stopping: Promise<void> | undefined;
  return {
    port,
    settings,
    pollNotifications: () => rounds.pollNotifications(),
    checkDailyAlert: () => rounds.checkDailyAlert(),
    stop() {
      stopping ??= (async () => {
        await closeServer(botServer.server, options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS, async () => {
          await rounds.stop();
          await Promise.all([notifierLoop.stop(), alertLoop.stop()]);
        });
        await state.close();
      })();
      return stopping;
    },
  };
}
