// One bot replica in its own process, for the multi-replica tests (bundled by test/support/replicas.ts):
// the real startBot with the settings and test options given as JSON in argv[2].
import { startBot, type StartBotOptions } from '../../slack-bot/startBot';
import { LogLevel } from '@slack/bolt';
import { consoleLogger } from '../../slack-bot/logging';

interface ReplicaConfig {
  readonly env: Record<string, string>;
  readonly options: Omit<StartBotOptions, 'now' | 'logger' | 'store'> & { readonly now?: string };
}

const config = JSON.parse(process.argv[2] ?? '{}') as ReplicaConfig;
const { now, ...options } = config.options;
const clock = now ? new Date(now) : undefined;

const base = consoleLogger(`replica-${process.pid}`, process.env['FACTURAS_TEST_DEBUG'] ? LogLevel.DEBUG : LogLevel.INFO);
// Bolt sets its logger's level to its own default; the level asked for here stays.
const logger = { ...base, setLevel: () => undefined };

startBot(config.env, { ...options, ...(clock ? { now: () => clock } : {}), logger })
  .then((bot) => {
    process.stdout.write(`${JSON.stringify({ port: bot.port })}\n`);
    process.once('SIGTERM', () => {
      bot.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  })
  .catch((error: unknown) => {
    process.stderr.write(`replica failed to start: ${(error as Error).message}\n`);
    process.exit(2);
  });
