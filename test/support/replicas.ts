import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { ReplicaConfig } from './replicaProcess';

const ROOT = resolve(__dirname, '..', '..');

export interface Replica {
  readonly pid: number;
  readonly port: number;
  readonly eventsUrl: string;
  /** Everything it logged so far (stderr). */
  logs(): string;
  kill(): Promise<void>;
  /** SIGTERM, the graceful stop; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export type ReplicaOptions = ReplicaConfig;

export interface ReplicaLauncher {
  start(config: ReplicaOptions): Promise<Replica>;
  close(): Promise<void>;
}

/**
 * Starts real bot processes: from `command` (the bench's own bundle with a flag), or from
 * test/support/replicaMain.ts bundled once (packages stay in node_modules).
 */
export async function replicaLauncher(command?: { readonly script: string; readonly args: readonly string[] }): Promise<ReplicaLauncher> {
  const dir = await mkdtemp(join(tmpdir(), 'facturas-replica-'));
  const bundle = join(dir, 'replica.js');
  if (!command) {
    await build({
      entryPoints: [join(ROOT, 'test', 'support', 'replicaMain.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      logLevel: 'warning',
    });
  }
  const argv = (config: ReplicaConfig): string[] => (command ? [command.script, ...command.args, JSON.stringify(config)] : [bundle, JSON.stringify(config)]);
  const running = new Set<ChildProcess>();
  return {
    async start(config) {
      const child = spawn(process.execPath, argv(config), {
        cwd: ROOT,
        env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.add(child);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
      const exited = new Promise<number | null>((done) =>
        child.once('exit', (code) => {
          running.delete(child);
          done(code);
        }),
      );
      const port = await new Promise<number>((ready, fail) => {
        let stdout = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const line = stdout.split('\n').find((l) => l.startsWith('{'));
          if (line) ready((JSON.parse(line) as { port: number }).port);
        });
        void exited.then((code) => fail(new Error(`replica exited with ${code} before it was ready:\n${stderr}`)));
      });
      return {
        pid: child.pid!,
        port,
        eventsUrl: `http://127.0.0.1:${port}/slack/events`,
        logs: () => stderr,
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
        async stop() {
          child.kill('SIGTERM');
          return exited;
        },
      };
    },
    async close() {
      for (const child of running) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
