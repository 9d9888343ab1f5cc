import { execFile } from 'node:child_process';
import { chown, mkdir, mkdtemp, readdir, rm, access } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';

const run = promisify(execFile);
const DEBIAN_ROOT = '/usr/lib/postgresql';

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`. */
  readonly adminUrl: string;
  /** A new empty database; its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Debian installs each major version's server under /usr/lib/postgresql/N/bin; the newest one. */
async function serverBin(): Promise<string> {
  let versions: string[] = [];
  try {
    versions = await readdir(DEBIAN_ROOT);
  } catch {
    // reported below
  }
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    const bin = join(DEBIAN_ROOT, version, 'bin');
    try {
      await access(join(bin, 'initdb'));
      return bin;
    } catch {
      // try the next
    }
  }
  throw new Error(`No PostgreSQL server under ${DEBIAN_ROOT}/*/bin; install Debian's postgresql (.ci/run does)`);
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/**
 * A throwaway PostgreSQL cluster for one test file: initdb in a temporary folder, started with
 * pg_ctl on a free loopback port (its socket in the same folder), trust authentication, no fsync.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user Debian creates.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = await serverBin();
  const dir = await mkdtemp(join(tmpdir(), 'facturas-pg-'));
  const data = join(dir, 'data');
  const socketDir = join(dir, 'socket');
  await mkdir(socketDir);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    await chown(dir, uid, gid);
    await chown(socketDir, uid, gid);
  }
  const asServerUser = (program: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), args));
  const port = await freePort();
  await asServerUser('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  await asServerUser('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ]);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const admin = new Pool({ connectionString: adminUrl, max: 1 });
  return {
    adminUrl,
    async createDatabase(name) {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await admin.end().catch(() => undefined);
      await asServerUser('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
