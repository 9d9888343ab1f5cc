// Entry for `npm run bot`: the only place that reads process.env and may exit the process.
import { BotSettingsError, startBot } from './startBot';

startBot(process.env)
  .then((bot) => {
    const stop = (): void => {
      bot.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((error: unknown) => {
    console.error(error instanceof BotSettingsError ? error.message : `The Facturas bot could not start: ${(error as Error).message}`);
    process.exit(1);
  });
