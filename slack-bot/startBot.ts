import type { AddressInfo } from 'node:net';
import { type Logger, webApi } from '@slack/bolt';
import { auth as googleAuth } from '@googleapis/sheets';
import { CHILE, parseLocale } from '../core/index';
import type { WorkbookStore } from '../core/node/store';
import { openSheetsStore, type SheetsStoreOptions } from '../core/node/sheetsStore';
import { openXlsxStore } from '../core/node/xlsxStore';
import { type BotSettings, loadSettings } from './settings';
import type { BotServices } from './services';
import { createBoltApp } from './app';
import { consoleLogger, redactingLogger } from './logging';
import { openBotState, stateUrlSetting } from './state/openState';
import { healthReport, sheetReadRecorder } from './health';
import { closeServer, createBotServer, listen } from './httpServer';
import { createSlackDelivery } from './delivery/slackDelivery';
import { createStatusNotifier } from './notifier/statusNotifier';
import { createDailyAlert } from './scheduler/dailyAlert';
import { repeat } from './scheduler/repeat';
import { createLedgerSnapshot } from './ledgerSnapshot';
import { createTurns } from './turns';
import { checkWorkbook, slackFailureMessage } from './startupChecks';

import { BotSettingsError } from './botSettingsError';
import { startWorkspacesBot, workspacesRequested } from './oauth/startWorkspacesBot';

export { BotSettingsError };

export interface StartBotOptions {
  /** The bot's clock (business dates, the alert time); default the machine's. */
  readonly now?: () => Date;
  readonly logger?: Logger;
  /** Overrides PORT; 0 picks a free port. */
  readonly port?: number;
  /** A ready store (tests, or `facturas serve` sharing its own). */
  readonly store?: WorkbookStore;
  /** Sheets API base URL, for a local fake; then no service account is needed. */
  readonly sheetsRootUrl?: string;
  readonly sheetsAuth?: SheetsStoreOptions['auth'];
  readonly statePath?: string;
  /** Web API retries; tests use 0 so a failure shows at once. */
  readonly webApiRetries?: number;
  /** Gap between two posts to one channel (Slack allows about one a second). */
  readonly postIntervalMs?: number;
  /** Poll and alert on timers (default); tests call pollNotifications and checkDailyAlert instead. */
  readonly runLoops?: boolean;
  readonly locale?: string;
  /** Web API request timeout (default 10 s): an unanswered post must not stall the notifier. */
  readonly requestTimeoutMs?: number;
  /** With PostgreSQL, a claim this old is taken as abandoned by a killed replica (default 2 minutes). */
  readonly claimLifetimeMs?: number;
  /** How long stop() lets requests being answered finish before closing their connections (default 5 s). */
  readonly shutdownGraceMs?: number;
  /** How long a modal's submit waits for its write before answering "saving" (default 2 s). */
  readonly submissionAckMs?: number;
}

export interface BotHandle {
  readonly port: number;
  readonly settings: BotSettings;
  pollNotifications(): Promise<number>;
  checkDailyAlert(): Promise<number>;
  stop(): Promise<void>;
}

/** Answers up to this old start no reload; older ones start one in the background. */
const SNAPSHOT_FRESH_MS = 5_000;
/** Past twice the poll interval (which refreshes the snapshot) and this, an answer waits for a fresh read. */
const MIN_MAX_STALE_MS = 120_000;

/** auth.test at start: two quick retries, then the bot says Slack is out of reach. */
const STARTUP_RETRIES = { retries: 2, factor: 1, minTimeout: 500, maxTimeout: 1_000 };
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** Well past a post's timeout and a few rate-limit waits (each of which renews the claim). */
const DEFAULT_CLAIM_LIFETIME_MS = 120_000;
const DEFAULT_SHUTDOWN_GRACE_MS = 5_000;

const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

function openStore(settings: BotSettings, options: StartBotOptions, now: () => Date, logger: Logger): WorkbookStore {
  if (options.store) return options.store;
  if (settings.googleSheetId) {
    const authClient = options.sheetsAuth ?? (settings.googleCredentials ? new googleAuth.GoogleAuth({ keyFile: settings.googleCredentials, scopes: [SHEETS_SCOPE] }) : undefined);
    return openSheetsStore({
      spreadsheetId: settings.googleSheetId,
      now,
      warn: (line) => logger.warn(line),
      ...(authClient ? { auth: authClient } : {}),
      ...(options.sheetsRootUrl ? { rootUrl: options.sheetsRootUrl } : {}),
    });
  }
  return openXlsxStore(settings.workbookPath);
}

const defaultStatePath = (settings: BotSettings): string =>
  settings.statePath ?? (settings.googleSheetId ? `./facturas-bot-${settings.googleSheetId}.state.json` : `${settings.workbookPath}.bot-state.json`);

/**
 * Starts the Slack bot: validates every setting, asks Slack who we are (auth.test), opens the
 * workbook and the bot state, serves Bolt on PORT and starts the notifier and the daily alert.
 */
export async function startBot(env: Readonly<Record<string, string | undefined>>, options: StartBotOptions = {}): Promise<BotHandle> {
  // With SLACK_CLIENT_ID: many workspaces through Slack's OAuth, each with its own workbook.
  if (workspacesRequested(env)) return startWorkspacesBot(env, options);
  const locale = parseLocale(options.locale ?? env['FACTURAS_LANG']);
  const loaded = loadSettings(env, { credentialsOptional: options.sheetsRootUrl !== undefined, locale });
  if (!loaded.ok) throw new BotSettingsError(loaded.message);
  const stateUrl = stateUrlSetting(env);
  if (!stateUrl.ok) throw new BotSettingsError(`${locale === 'es' ? 'Configuración del bot de Slack inválida:' : 'Invalid Slack bot settings:'}\n- ${stateUrl.message}`);
  const settings = loaded.settings;
  const now = options.now ?? (() => new Date());
  const logger = redactingLogger(options.logger ?? consoleLogger(), [settings.botToken, settings.signingSecret]);
  const retryConfig = options.webApiRetries === undefined ? undefined : { retries: options.webApiRetries };
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const clientOptions = {
    logger,
    timeout: timeoutMs,
    ...(settings.slackApiUrl ? { slackApiUrl: settings.slackApiUrl } : {}),
    ...(retryConfig ? { retryConfig } : {}),
  };

  // At start a failure is told at once: the default policy retries for half an hour before giving up.
  // Its retries' warnings are left out too: the one line that follows says what failed.
  const quiet: Logger = { ...logger, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (...msg) => logger.error(...msg) };
  const identityClient = new webApi.WebClient(settings.botToken, { ...clientOptions, logger: quiet, retryConfig: retryConfig ?? STARTUP_RETRIES });
  let who: { team_id?: string; app_id?: string; bot_id?: string; user_id?: string };
  try {
    who = await identityClient.auth.test();
  } catch (error) {
    throw new BotSettingsError(slackFailureMessage(error, settings, locale));
  }
  if (!who.team_id || !who.bot_id || !who.user_id) {
    throw new BotSettingsError(locale === 'es' ? 'SLACK_BOT_TOKEN: no es un token de bot (auth.test no devolvió bot_id)' : 'SLACK_BOT_TOKEN: not a bot token (auth.test returned no bot_id)');
  }
  if (!who.app_id) logger.warn('auth.test did not return app_id; requests are checked by team only');

  const sheetReads = sheetReadRecorder();
  const ledgers = createLedgerSnapshot({
    store: sheetReads.watch(openStore(settings, options, now, logger)),
    now,
    logger,
    freshMillis: SNAPSHOT_FRESH_MS,
    maxStaleMillis: Math.max(MIN_MAX_STALE_MS, 2 * settings.pollSeconds * 1000),
  });
  const store = ledgers.store;
  // The first read also primes the answers' snapshot.
  const unusable = await checkWorkbook({ read: () => ledgers.current() }, settings, locale);
  if (unusable) throw new BotSettingsError(unusable);
  let unanswered = (): number => 0;
  const turns = createTurns({ acksPending: () => unanswered() > 0 });
  const services: BotServices = { settings, store, ledgers, turns, profile: CHILE, locale, now, ...(options.submissionAckMs !== undefined ? { submissionAckMs: options.submissionAckMs } : {}) };
  const stateKind = stateUrl.url ? 'postgresql' : 'file';
  let state: Awaited<ReturnType<typeof openBotState>>['state'];
  try {
    ({ state } = await openBotState({
      url: stateUrl.url,
      filePath: options.statePath ?? defaultStatePath(settings),
      // Replicas of one deployment share it; another workspace or workbook on the same database does not.
      scope: `${who.team_id}/${settings.googleSheetId ?? settings.workbookPath}`,
      claimLifetimeMs: options.claimLifetimeMs ?? DEFAULT_CLAIM_LIFETIME_MS,
      onPoolError: (error) => logger.warn(`The state database dropped a connection: ${error.message}`),
    }));
  } catch (error) {
    throw new BotSettingsError((error as Error).message);
  }

  const { receiver } = createBoltApp({
    services,
    identity: { teamId: who.team_id, appId: who.app_id, botId: who.bot_id, botUserId: who.user_id },
    logger,
    timeoutMs,
    firstSighting: (eventId, teamId) => state.firstSighting(eventId, teamId),
    ...(retryConfig ? { retryConfig } : {}),
  });
  const botServer = createBotServer(receiver.app, logger, () => healthReport(state, stateKind, sheetReads));
  const server = botServer.server;
  unanswered = botServer.unanswered;
  try {
    await listen(server, options.port ?? settings.port);
  } catch (error) {
    await state.close();
    const port = options.port ?? settings.port;
    throw new BotSettingsError(locale === 'es' ? `PORT: no se pudo abrir el puerto ${port} (${(error as Error).message})` : `PORT: port ${port} could not be opened (${(error as Error).message})`);
  }

  // Never retried by the client itself: a post Slack took but whose answer was lost would go out again.
  // The delivery settles such a post from the channel's history before trying again.
  const deliveryClient = new webApi.WebClient(settings.botToken, { ...clientOptions, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const delivery = createSlackDelivery({ client: deliveryClient, state, logger, now, ...(options.postIntervalMs !== undefined ? { minIntervalMs: options.postIntervalMs } : {}) });
  const notifier = createStatusNotifier(services, state, delivery, logger);
  const alert = createDailyAlert(services, state, delivery);
  const autoStart = options.runLoops ?? true;
  const intervalMs = settings.pollSeconds * 1000;
  const notifierLoop = repeat('Payment-status notifier', intervalMs, () => notifier.pollOnce(), logger, autoStart);
  const alertLoop = repeat('Daily pending-payment alert', Math.min(intervalMs, 60_000), () => alert.checkOnce(), logger, autoStart);

  const port = (server.address() as AddressInfo).port;
  logger.info(`Facturas bot listening on port ${port} for team ${who.team_id}, data: ${store.description}, state: ${state.description}`);
  let stopping: Promise<void> | undefined;
  return {
    port,
    settings,
    pollNotifications: () => notifier.pollOnce(),
    checkDailyAlert: () => alert.checkOnce(),
    stop() {
      stopping ??= (async () => {
        // No new requests; the post in flight finishes and nothing new is claimed.
        await closeServer(server, options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS, async () => {
          await delivery.stop();
          await Promise.all([notifierLoop.stop(), alertLoop.stop()]);
        });
        await state.close();
      })();
      return stopping;
    },
  };
}
