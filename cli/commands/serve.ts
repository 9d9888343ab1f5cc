import { z } from 'zod';
import { type Command, CliError, EXIT } from '../command';
import { messages } from '../messages';
import { textOption, validate, wholeNumberOption } from '../schemas';
import { defaultUser } from '../user';
import { findSidebarHtml } from '../serve/findSidebarHtml';
import { previewMessages } from '../serve/previewMessages';
import { startPreview } from '../serve/startPreview';
import { fileExists } from '../../core/node/xlsxFile';

const DEFAULT_PORT = 8080;

const wantsBot = (env: Readonly<Record<string, string | undefined>>): boolean => Boolean(env.SLACK_SIGNING_SECRET?.trim() && env.SLACK_BOT_TOKEN?.trim());

/** Resolves on Ctrl-C or a stop signal, so the command can close its servers and return. */
const untilStopped = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

export const command: Command = {
  name: 'serve',
  usage: { es: '[--port N] [--user USUARIO]', en: '[--port N] [--user USER]' },
  description: {
    es: 'Abre en http://localhost:8080 el mismo panel lateral del complemento de Google Sheets, conectado al libro local: buscar, filtrar, ver documentos, registrar pagos, descargar PDF e informes, sin cuenta de Google. Los correos no se envían: quedan en .facturas/outbox junto al libro. Si existen SLACK_SIGNING_SECRET y SLACK_BOT_TOKEN, inicia también el bot de Slack sobre el mismo libro.',
    en: 'Opens on http://localhost:8080 the same sidebar as the Google Sheets add-on, connected to the local workbook: search, filter, open documents, record payments, download PDFs and reports, with no Google account. Emails are not sent: they are saved in .facturas/outbox next to the workbook. When SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set, the Slack bot starts too, over the same workbook.',
  },
  options: [
    { name: 'port', type: 'string', value: 'N', help: { es: `puerto del panel (por defecto ${DEFAULT_PORT}; 0 elige uno libre)`, en: `sidebar port (default ${DEFAULT_PORT}; 0 picks a free one)` } },
    { name: 'user', type: 'string', value: 'U', help: { es: 'quién registra los pagos (por defecto FACTURAS_USER o el usuario del sistema)', en: 'who records payments (default FACTURAS_USER or the system user)' } },
  ],
  formats: [],
  async run(args, context) {
    const m = messages(context.locale);
    const pm = previewMessages(context.locale);
    const options = validate(z.object({ port: wholeNumberOption('--port', 0, 65_535, m).optional(), user: textOption('--user', m).optional() }), args.values, m);
    const sidebarHtmlPath = findSidebarHtml(context.io.env, context.io.cwd);
    if (!sidebarHtmlPath) throw new CliError([pm.sidebarMissing], EXIT.failure);
    if (!(await fileExists(context.workbookPath))) throw new CliError([m.workbookNotFound(context.workbookPath)], EXIT.failure);

    const store = context.openStore();
    // Read once before serving: a file that is not a workbook stops here with its reason, not at the first click.
    await store.read();
    const preview = await startPreview({
      workbookPath: context.workbookPath,
      store,
      sidebarHtmlPath,
      port: options.port ?? DEFAULT_PORT,
      user: options.user ?? defaultUser(context.io),
      timeZone: context.timeZone,
      // Pinned only when --as-of was given; otherwise each call asks the clock, so a long-running preview rolls over midnight.
      ...(args.values['as-of'] ? { asOf: context.asOf } : {}),
      now: context.now,
      locale: context.locale,
      log: (line) => context.warn(line),
    });
    context.print(pm.listening(preview.url, context.workbookPath));
    context.print(pm.outbox(preview.outboxDir));

    let stopBot: (() => Promise<void>) | undefined;
    if (wantsBot(context.io.env)) {
      try {
        const { startBot } = await import('../../slack-bot/startBot');
        // The bot's delivery state lives beside the workbook it watches, whichever --workbook was given.
        const statePath = context.io.env.FACTURAS_BOT_STATE ? {} : { statePath: `${context.workbookPath}.bot-state.json` };
        const bot = await startBot(context.io.env, { store, now: context.now, locale: context.locale, ...statePath });
        stopBot = () => bot.stop();
        context.print(pm.botListening(bot.port));
      } catch (error) {
        context.warn(pm.botNotStarted((error as Error).message));
      }
    }

    await untilStopped();
    await Promise.all([preview.close(), stopBot?.()]);
    return EXIT.ok;
  },
};
