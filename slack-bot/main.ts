// Entry for `npm run bot`: the only place that reads process.env and may exit the process.
import { parseLocale } from '../core/index';
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
    const es = parseLocale(process.env['FACTURAS_LANG']) === 'es';
    const reason = (error as Error)?.message ?? String(error);
    // One line naming what to fix, never a stack: the settings' problems already say which.
    console.error(error instanceof BotSettingsError ? error.message : es ? `El bot de Facturas no pudo iniciarse: ${reason}` : `The Facturas bot could not start: ${reason}`);
    process.exit(1);
  });
