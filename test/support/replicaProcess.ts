import { LogLevel } from '@slack/bolt';
import { startBot, type StartBotOptions } from '../../slack-bot/startBot';
import { consoleLogger } from '../../slack-bot/logging';

export interface ReplicaConfig {
  readonly env: Record<string, string>;
  readonly options: Omit<StartBotOptions, 'now' | 'logger' | 'store'> & { readonly now?: string };
}

/**
 * One bot replica in this process (the multi-replica tests and the bench start it as a child):
 * the real startBot; its port is the first line on stdout; SIGTERM stops it gracefully.
 */
export async function runReplica(config: ReplicaConfig): Promise<void> {
  const { now, ...options } = config.options;
  const clock = now ? new Date(now) : undefined;
  const base = consoleLogger(`replica-${process.pid}`, process.env['FACTURAS_TEST_DEBUG'] ? LogLevel.DEBUG : LogLevel.INFO);
  // Bolt sets its logger's level to its own default; the level asked for here stays.
  const logger = { ...base, setLevel: () => undefined };
  try {
    const bot = await startBot(config.env, { ...options, ...(clock ? { now: () => clock } : {}), logger });
    process.stdout.write(`${JSON.stringify({ port: bot.port })}\n`);
    process.once('SIGTERM', () => {
      bot.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  } catch (error) {
    process.stderr.write(`replica failed to start: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
