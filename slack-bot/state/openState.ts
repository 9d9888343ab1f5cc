import { Pool } from 'pg';
import { z } from 'zod';
import type { BotState } from './botState';
import { openFileState } from './fileState';
import { migrate } from './migrations';
import { createPostgresState } from './postgresState';

const STATE_URL = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
  z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'debe ser una URL postgres://usuario:clave@servidor:5432/base')
    .optional(),
);

/** FACTURAS_STATE_URL, checked: undefined means the JSON file. */
export function stateUrlSetting(env: Readonly<Record<string, string | undefined>>): { ok: true; url: string | undefined } | { ok: false; message: string } {
  const parsed = STATE_URL.safeParse(env['FACTURAS_STATE_URL']);
  return parsed.success ? { ok: true, url: parsed.data } : { ok: false, message: `FACTURAS_STATE_URL: ${parsed.error.issues[0]?.message}` };
}

export interface StateSpec {
  /** FACTURAS_STATE_URL; without it, the file. */
  readonly url: string | undefined;
  readonly filePath: string;
  /** The workspace and workbook the deliveries belong to. */
  readonly scope: string;
  readonly claimLifetimeMs: number;
  readonly onPoolError: (error: Error) => void;
}

export interface OpenedState {
  readonly state: BotState;
  /** The database, for the installation store; absent with the file. */
  readonly pool: Pool | undefined;
}

/** Opens the state the settings ask for; with PostgreSQL, creates or migrates the schema first. */
export async function openBotState(spec: StateSpec): Promise<OpenedState> {
  if (!spec.url) return { state: await openFileState(spec.filePath), pool: undefined };
  const pool = new Pool({ connectionString: spec.url, max: 5, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // An idle connection the server dropped must not crash the bot; the next query reconnects.
  pool.on('error', spec.onPoolError);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`FACTURAS_STATE_URL: no se pudo preparar la base de datos (${(error as Error).message})`);
  }
  return { state: createPostgresState({ pool, scope: spec.scope, claimLifetimeMs: spec.claimLifetimeMs, ownsPool: true }), pool };
}
