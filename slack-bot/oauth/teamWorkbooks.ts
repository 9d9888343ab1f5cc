import { AsyncLocalStorage } from 'node:async_hooks';
import type { WorkbookStore } from '../../core/node/store';
import type { LedgerSnapshot } from '../ledgerSnapshot';
import type { BotServices } from '../services';
import type { BotSettings } from '../settings';

/** One workspace's workbook and the last good read of it. */
export interface TeamWorkbook {
  readonly teamId: string;
  readonly sheetId: string;
  readonly ledgers: LedgerSnapshot;
}

export interface TeamWorkbooks {
  /** The workbook the team's admin chose, or undefined when none is set yet. */
  forTeam(teamId: string): Promise<TeamWorkbook | undefined>;
  /** After `/facturas config` or an uninstall. */
  forget(teamId: string): void;
  /** Runs a request's listeners with its team's workbook as `services.store` / `services.ledgers`. */
  runFor<T>(workbook: TeamWorkbook, work: () => Promise<T>): Promise<T>;
  /** The services every listener gets: their store, snapshot and sheet id are the current request's team's. */
  readonly services: BotServices;
}

export interface TeamWorkbooksOptions {
  readonly sheetOf: (teamId: string) => Promise<string | undefined>;
  readonly open: (sheetId: string) => LedgerSnapshot;
  readonly base: Omit<BotServices, 'store' | 'ledgers' | 'settings'> & { readonly settings: BotSettings };
}

/**
 * Many workspaces in one process without touching the listeners: they keep reading
 * `services.store` and `services.ledgers`, which resolve, through AsyncLocalStorage, to the
 * workbook of the team whose request is being handled.
 */
export function teamWorkbooks(options: TeamWorkbooksOptions): TeamWorkbooks {
  const current = new AsyncLocalStorage<TeamWorkbook>();
  const cache = new Map<string, TeamWorkbook>();
  const active = (): TeamWorkbook => {
    const workbook = current.getStore();
    if (!workbook) throw new Error('no workspace for this request (the team middleware did not run)');
    return workbook;
  };
  const services: BotServices = {
    get settings() {
      const workbook = current.getStore();
      return workbook ? { ...options.base.settings, googleSheetId: workbook.sheetId } : options.base.settings;
    },
    get store(): WorkbookStore {
      return active().ledgers.store;
    },
    get ledgers(): LedgerSnapshot {
      return active().ledgers;
    },
    turns: options.base.turns,
    profile: options.base.profile,
    locale: options.base.locale,
    now: options.base.now,
  };
  return {
    services,
    async forTeam(teamId) {
      const sheetId = await options.sheetOf(teamId);
      if (!sheetId) return undefined;
      const cached = cache.get(teamId);
      if (cached?.sheetId === sheetId) return cached;
      const workbook: TeamWorkbook = { teamId, sheetId, ledgers: options.open(sheetId) };
      cache.set(teamId, workbook);
      return workbook;
    },
    forget: (teamId) => void cache.delete(teamId),
    runFor: (workbook, work) => current.run(workbook, work),
  };
}
