/**
 * What the bot must remember across restarts and share between replicas: which deliveries
 * (Historial entries, daily alerts) reached Slack, which are claimed by a running bot, and which
 * Slack events were already handled. Two implementations: a JSON file for one process
 * (./fileState.ts, the default) and PostgreSQL for several replicas (./postgresState.ts).
 */

/** A delivery taken by a bot that stopped before recording its outcome: settled from the channel's history. */
export interface Claim {
  readonly key: string;
  readonly channel: string;
  /** When it was claimed (wall clock), to read the channel's history from a little before; absent in old files. */
  readonly claimedAt: Date | undefined;
}

export interface BotState {
  /** For logs and /healthz: the file's path or the database's host. */
  readonly description: string;
  /** The Historial present at the first start is taken as already posted, once per workbook. */
  isBaselineTaken(): Promise<boolean>;
  /** Marks these keys delivered without sending them; false when another replica took the baseline first. */
  takeBaseline(keys: readonly string[]): Promise<boolean>;
  /** The keys among these not yet delivered, in the order given. */
  undelivered(keys: readonly string[]): Promise<string[]>;
  /**
   * Takes the key for this process in one step, recorded before the message is sent: false
   * when it is delivered already or another live bot holds it.
   */
  claim(key: string, channel: string): Promise<boolean>;
  /** Keeps a claim alive while its post waits (rate limits), so it does not look abandoned. */
  renewClaim(key: string): Promise<void>;
  /**
   * Claims whose owner stopped without recording the outcome (a crash, a post whose answer never
   * came): they become this process's, to settle from the channel's history.
   */
  takeAbandonedClaims(): Promise<Claim[]>;
  finishDelivery(key: string, messageTs: string | undefined): Promise<void>;
  /** The post did not go out: anyone may claim the key again. */
  releaseClaim(key: string): Promise<void>;
  /** True the first time a Slack event id is seen by any replica; ids are kept for a day. */
  firstSighting(eventId: string, teamId: string | undefined): Promise<boolean>;
  /** Throws when the state cannot be reached (for /healthz). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** Historial entries are keyed by their ID (or row, for a hand-typed line without one): Historial is append-only. */
export const historyDeliveryKey = (id: string): string => `historial:${id}`;
export const alertDeliveryKey = (manager: string, date: string): string => `alerta:${manager}:${date}`;

const ALERT_KEY = /^alerta:([^:]+):(\d{4}-\d{2}-\d{2})$/;
export const parseAlertKey = (key: string): { manager: string; date: string } | undefined => {
  const match = ALERT_KEY.exec(key);
  return match ? { manager: match[1]!, date: match[2]! } : undefined;
};

/** `H-00042` → 42; other ids (hand-typed, `row-N`) have no number. */
export const historialNumber = (key: string): number | undefined => {
  const match = /^historial:H-(\d+)$/.exec(key);
  return match ? Number(match[1]) : undefined;
};
