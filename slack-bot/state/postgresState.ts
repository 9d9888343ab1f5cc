import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pool } from 'pg';
import { type BotState, type Claim, parseAlertKey } from './botState';

export interface PostgresStateOptions {
  readonly pool: Pool;
  /** Which workbook and workspace these deliveries belong to: replicas of one deployment share it. */
  readonly scope: string;
  /**
   * A claim older than this is taken as abandoned (its replica was killed, or its post never
   * got an answer) and settled from the channel's history. Longer than a post with its timeout.
   */
  readonly claimLifetimeMs: number;
  /** Closed with the state (the bot made it); a shared pool is closed by its owner. */
  readonly ownsPool: boolean;
}

/** Slack event ids are kept this long: Slack retries an event within minutes, never a day later. */
const EVENT_MEMORY = '1 day';
/** Old event ids are deleted every this many new ones, not on each. */
const PRUNE_EVERY = 200;
const ABANDONED_BATCH = 20;

/** This process among the replicas, in claims (and in the logs, to find which replica posted what). */
export const replicaId = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * The state in PostgreSQL, for several replicas: every claim is one statement (an insert that
 * does nothing when the key exists, or an update guarded on the row's state), so two replicas
 * never both post an entry; abandoned claims are taken with `FOR UPDATE SKIP LOCKED` by one
 * replica only. Times are the database's clock, one for every replica.
 */
export function createPostgresState(options: PostgresStateOptions): BotState & { readonly replica: string } {
  const { pool, scope } = options;
  const me = replicaId();
  const lifetimeSeconds = options.claimLifetimeMs / 1000;
  let sightings = 0;

  return {
    replica: me,
    description: `PostgreSQL (${scope})`,
    async isBaselineTaken() {
      const found = await pool.query('SELECT 1 FROM facturas_baselines WHERE scope = $1', [scope]);
      return (found.rowCount ?? 0) > 0;
    },
    async takeBaseline(keys) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // A replica starting at the same moment waits here on the row and then finds it taken.
        const won = await client.query('INSERT INTO facturas_baselines (scope) VALUES ($1) ON CONFLICT DO NOTHING RETURNING scope', [scope]);
        if ((won.rowCount ?? 0) === 0) {
          await client.query('ROLLBACK');
          return false;
        }
        await client.query(
          `INSERT INTO facturas_deliveries (scope, key, channel, delivered_at)
           SELECT $1, key, '', now() FROM unnest($2::text[]) AS key ON CONFLICT DO NOTHING`,
          [scope, keys],
        );
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async undelivered(keys) {
      const taken = new Set<string>();
      const historial = keys.filter((key) => !parseAlertKey(key));
      if (historial.length > 0) {
        const found = await pool.query<{ key: string }>('SELECT key FROM facturas_deliveries WHERE scope = $1 AND key = ANY($2::text[]) AND (delivered_at IS NOT NULL OR claimed_by IS NOT NULL)', [
          scope,
          historial,
        ]);
        for (const row of found.rows) taken.add(row.key);
      }
      for (const key of keys) {
        const alert = parseAlertKey(key);
        if (!alert) continue;
        const found = await pool.query('SELECT 1 FROM facturas_daily_alerts WHERE scope = $1 AND manager = $2 AND alert_date = $3 AND (delivered_at IS NOT NULL OR claimed_by IS NOT NULL)', [
          scope,
          alert.manager,
          alert.date,
        ]);
        if ((found.rowCount ?? 0) > 0) taken.add(key);
      }
      return keys.filter((key) => !taken.has(key));
    },
    async claim(key, channel) {
      const alert = parseAlertKey(key);
      const claimed = alert
        ? await pool.query(
            `INSERT INTO facturas_daily_alerts AS a (scope, manager, alert_date, channel, claimed_by, claimed_at) VALUES ($1, $2, $3, $4, $5, now())
             ON CONFLICT (scope, manager, alert_date) DO UPDATE SET channel = EXCLUDED.channel, claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at
             WHERE a.delivered_at IS NULL AND a.claimed_by IS NULL RETURNING 1`,
            [scope, alert.manager, alert.date, channel, me],
          )
        : await pool.query(
            `INSERT INTO facturas_deliveries AS d (scope, key, channel, claimed_by, claimed_at) VALUES ($1, $2, $3, $4, now())
             ON CONFLICT (scope, key) DO UPDATE SET channel = EXCLUDED.channel, claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at
             WHERE d.delivered_at IS NULL AND d.claimed_by IS NULL RETURNING 1`,
            [scope, key, channel, me],
          );
      return (claimed.rowCount ?? 0) > 0;
    },
    async renewClaim(key) {
      const alert = parseAlertKey(key);
      if (alert)
        await pool.query('UPDATE facturas_daily_alerts SET claimed_at = now() WHERE scope = $1 AND manager = $2 AND alert_date = $3 AND claimed_by = $4', [scope, alert.manager, alert.date, me]);
      else await pool.query('UPDATE facturas_deliveries SET claimed_at = now() WHERE scope = $1 AND key = $2 AND claimed_by = $3', [scope, key, me]);
    },
    async takeAbandonedClaims() {
      const deliveries = await pool.query<{ key: string; channel: string; claimed_at: Date }>(
        `WITH abandoned AS (
           SELECT key, claimed_at FROM facturas_deliveries
           WHERE scope = $1 AND delivered_at IS NULL AND claimed_by IS NOT NULL AND claimed_at < now() - make_interval(secs => $3)
           ORDER BY claimed_at LIMIT ${ABANDONED_BATCH} FOR UPDATE SKIP LOCKED)
         UPDATE facturas_deliveries d SET claimed_by = $2, claimed_at = now() FROM abandoned a
         WHERE d.scope = $1 AND d.key = a.key RETURNING d.key, d.channel, a.claimed_at`,
        [scope, me, lifetimeSeconds],
      );
      const alerts = await pool.query<{ manager: string; alert_date: string; channel: string; claimed_at: Date }>(
        `WITH abandoned AS (
           SELECT manager, alert_date, claimed_at FROM facturas_daily_alerts
           WHERE scope = $1 AND delivered_at IS NULL AND claimed_by IS NOT NULL AND claimed_at < now() - make_interval(secs => $3)
           ORDER BY claimed_at LIMIT ${ABANDONED_BATCH} FOR UPDATE SKIP LOCKED)
         UPDATE facturas_daily_alerts d SET claimed_by = $2, claimed_at = now() FROM abandoned a
         WHERE d.scope = $1 AND d.manager = a.manager AND d.alert_date = a.alert_date
         RETURNING d.manager, to_char(d.alert_date, 'YYYY-MM-DD') AS alert_date, d.channel, a.claimed_at`,
        [scope, me, lifetimeSeconds],
      );
      return [
        ...deliveries.rows.map((row): Claim => ({ key: row.key, channel: row.channel, claimedAt: row.claimed_at })),
        ...alerts.rows.map((row): Claim => ({ key: `alerta:${row.manager}:${row.alert_date}`, channel: row.channel, claimedAt: row.claimed_at })),
      ];
    },
    async finishDelivery(key, messageTs) {
      const alert = parseAlertKey(key);
      if (alert) {
        await pool.query('UPDATE facturas_daily_alerts SET delivered_at = now(), message_ts = $4, claimed_by = NULL WHERE scope = $1 AND manager = $2 AND alert_date = $3', [
          scope,
          alert.manager,
          alert.date,
          messageTs ?? null,
        ]);
      } else {
        await pool.query('UPDATE facturas_deliveries SET delivered_at = now(), message_ts = $3, claimed_by = NULL WHERE scope = $1 AND key = $2', [scope, key, messageTs ?? null]);
      }
    },
    async releaseClaim(key) {
      const alert = parseAlertKey(key);
      if (alert) {
        await pool.query('UPDATE facturas_daily_alerts SET claimed_by = NULL, claimed_at = NULL WHERE scope = $1 AND manager = $2 AND alert_date = $3 AND claimed_by = $4 AND delivered_at IS NULL', [
          scope,
          alert.manager,
          alert.date,
          me,
        ]);
      } else {
        await pool.query('UPDATE facturas_deliveries SET claimed_by = NULL, claimed_at = NULL WHERE scope = $1 AND key = $2 AND claimed_by = $3 AND delivered_at IS NULL', [scope, key, me]);
      }
    },
    async firstSighting(eventId, teamId) {
      if (++sightings % PRUNE_EVERY === 1) await pool.query(`DELETE FROM facturas_slack_events WHERE received_at < now() - interval '${EVENT_MEMORY}'`);
      const inserted = await pool.query('INSERT INTO facturas_slack_events (event_id, team_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1', [eventId, teamId ?? null]);
      return (inserted.rowCount ?? 0) > 0;
    },
    async check() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (options.ownsPool) await pool.end();
    },
  };
}
