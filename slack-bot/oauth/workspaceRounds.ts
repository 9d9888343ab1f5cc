import { type Logger, webApi } from '@slack/bolt';
import type { Pool } from 'pg';
import { createSlackDelivery, type SlackDelivery } from '../delivery/slackDelivery';
import { createStatusNotifier } from '../notifier/statusNotifier';
import { createDailyAlert } from '../scheduler/dailyAlert';
import type { BotServices } from '../services';
import { createPostgresState } from '../state/postgresState';
import type { ConfiguredWorkspace, WorkspaceInstallations } from './installationStore';
import type { TeamWorkbooks } from './teamWorkbooks';

export interface WorkspaceRounds {
  /** One notifier round over every installation with a workbook; returns how many entries this replica posted. */
  pollNotifications(): Promise<number>;
  /** One daily-alert round over every installation with a workbook; returns how many alerts this replica sent. */
  checkDailyAlert(): Promise<number>;
  stop(): Promise<void>;
}

export interface WorkspaceRoundsOptions {
  readonly installations: WorkspaceInstallations;
  readonly workbooks: TeamWorkbooks;
  readonly pool: Pool;
  /** The services without a workbook: settings (the env's channel and managers as fallback), clock, profile. */
  readonly base: Omit<BotServices, 'store' | 'ledgers'>;
  readonly logger: Logger;
  readonly clientOptions: ConstructorParameters<typeof webApi.WebClient>[1];
  readonly claimLifetimeMs: number;
  readonly postIntervalMs?: number;
}

/** One workspace's workbook and bot token, with the delivery state of that pair. */
interface Worker {
  readonly token: string;
  /** This round's row: its channel and managers. */
  workspace: ConfiguredWorkspace;
  readonly delivery: SlackDelivery;
  readonly notify: () => Promise<number>;
  readonly alert: () => Promise<number>;
}

/**
 * The notifier and the daily alert for many workspaces: each round reads the installations
 * again (so a workspace installed, configured or uninstalled meanwhile is picked up), and for
 * each runs the same notifier and alert as the single-workspace bot, with its own bot token and a
 * state scoped `team/sheet` — the scope startBot uses — so replicas post each entry once and a
 * workspace never sees another's.
 */
export function workspaceRounds(options: WorkspaceRoundsOptions): WorkspaceRounds {
  const { installations, workbooks, pool, base, logger } = options;
  const workers = new Map<string, Worker>();
  let stopped = false;

  const tokenOf = async (teamId: string): Promise<string | undefined> => {
    try {
      const installation = await installations.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
      return installation.bot?.token;
    } catch {
      return undefined; // Uninstalled between the list and this read.
    }
  };

  const workerFor = async (workspace: ConfiguredWorkspace): Promise<Worker | undefined> => {
    const key = `${workspace.teamId}/${workspace.sheetId}`;
    const token = await tokenOf(workspace.teamId);
    if (!token) return undefined;
    const known = workers.get(key);
    if (known?.token === token) {
      known.workspace = workspace; // Its channel or managers may have changed since the last round.
      return known;
    }
    if (known) await known.delivery.stop(); // Reinstalled: a new token.
    const workbook = await workbooks.forTeam(workspace.teamId);
    if (!workbook || workbook.sheetId !== workspace.sheetId) return undefined;
    const services: BotServices = {
      ...base,
      // Read at each use, so `/facturas config canal …` applies from the next round.
      get settings() {
        const latest = worker.workspace;
        return {
          ...base.settings,
          googleSheetId: latest.sheetId,
          notifyChannel: latest.notifyChannel ?? base.settings.notifyChannel,
          managerIds: latest.managerIds ?? base.settings.managerIds,
        };
      },
      store: workbook.ledgers.store,
      ledgers: workbook.ledgers,
    };
    const state = createPostgresState({ pool, scope: key, claimLifetimeMs: options.claimLifetimeMs, ownsPool: false });
    // As in startBot: never retried by the client, a post whose answer was lost is settled from the history.
    const client = new webApi.WebClient(token, { ...options.clientOptions, logger, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    const delivery = createSlackDelivery({ client, state, logger, now: base.now, ...(options.postIntervalMs !== undefined ? { minIntervalMs: options.postIntervalMs } : {}) });
    const notifier = createStatusNotifier(services, state, delivery, logger);
    const alert = createDailyAlert(services, state, delivery);
    const worker: Worker = { token, workspace, delivery, notify: () => notifier.pollOnce(), alert: () => alert.checkOnce() };
    workers.set(key, worker);
    return worker;
  };

  /** Runs `task` for each configured workspace; one failing workspace (a sheet unshared, a channel gone) does not stop the others. */
  const round = async (what: string, task: (worker: Worker) => Promise<number>): Promise<number> => {
    if (stopped) return 0;
    const configured = await installations.configured();
    const current = new Set(configured.map((w) => `${w.teamId}/${w.sheetId}`));
    for (const [key, worker] of workers) {
      if (current.has(key)) continue;
      workers.delete(key); // Uninstalled, or its admin chose another workbook.
      await worker.delivery.stop();
    }
    let done = 0;
    for (const workspace of configured) {
      if (stopped) break;
      try {
        const worker = await workerFor(workspace);
        if (worker) done += await task(worker);
      } catch (error) {
        logger.warn(`${what} for team ${workspace.teamId} (workbook ${workspace.sheetId}) failed; will try again next round: ${(error as Error).message}`);
      }
    }
    return done;
  };

  return {
    pollNotifications: () => round('Payment-status notifier', (worker) => worker.notify()),
    checkDailyAlert: () => round('Daily pending-payment alert', (worker) => worker.alert()),
    async stop() {
      stopped = true;
      await Promise.all([...workers.values()].map((worker) => worker.delivery.stop()));
      workers.clear();
    },
  };
}
