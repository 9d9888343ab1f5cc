import type { Pool } from 'pg';

/**
 * The bot's schema, one step per version, applied at start in order. Replicas started together
 * take a transaction-scoped advisory lock first, so exactly one applies each step and the others
 * find it done; every step is also written to be harmless if run twice.
 */
const MIGRATIONS: readonly string[] = [
  // 1: deliveries, daily alerts, the baseline and Slack event ids.
  `CREATE TABLE IF NOT EXISTS facturas_deliveries (
     scope text NOT NULL,
     key text NOT NULL,
     channel text NOT NULL,
     claimed_by text,
     claimed_at timestamptz,
     delivered_at timestamptz,
     message_ts text,
     PRIMARY KEY (scope, key)
   );
   CREATE INDEX IF NOT EXISTS facturas_deliveries_open ON facturas_deliveries (scope, claimed_at) WHERE delivered_at IS NULL;
   CREATE TABLE IF NOT EXISTS facturas_daily_alerts (
     scope text NOT NULL,
     manager text NOT NULL,
     alert_date date NOT NULL,
     channel text NOT NULL,
     claimed_by text,
     claimed_at timestamptz,
     delivered_at timestamptz,
     message_ts text,
     PRIMARY KEY (scope, manager, alert_date)
   );
   CREATE TABLE IF NOT EXISTS facturas_baselines (
     scope text PRIMARY KEY,
     taken_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE IF NOT EXISTS facturas_slack_events (
     event_id text PRIMARY KEY,
     team_id text,
     received_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX IF NOT EXISTS facturas_slack_events_age ON facturas_slack_events (received_at);`,
  // 2: workspaces that installed the app (OAuth), each with its own workbook; the installation is encrypted.
  `CREATE TABLE IF NOT EXISTS facturas_installations (
     team_id text PRIMARY KEY,
     enterprise_id text,
     installation text NOT NULL,
     sheet_id text,
     installed_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   );`,
  // 3: each workspace's own notify channel and managers ('/facturas config canal …', '… gerentes …'); empty means the env's.
  `ALTER TABLE facturas_installations ADD COLUMN IF NOT EXISTS notify_channel text, ADD COLUMN IF NOT EXISTS manager_ids text[];`,
];

/** Any number that is ours alone: the advisory lock serialising schema changes across replicas. */
const SCHEMA_LOCK = 0x46616374; // "Fact"

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema to the latest version; returns the version found before. */
export async function migrate(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS facturas_schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const found = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM facturas_schema_version');
    const current = found.rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`FACTURAS_STATE_URL: the database's schema is version ${current}, newer than this bot's ${MIGRATIONS.length}; upgrade the bot`);
    }
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1]!);
      await client.query('INSERT INTO facturas_schema_version (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
    return current;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
