import type { AllMiddlewareArgs, AnyMiddlewareArgs, App, Logger } from '@slack/bolt';
import type { Locale } from '../../core/index';
import type { WorkspaceInstallations } from './installationStore';
import type { TeamWorkbooks } from './teamWorkbooks';

const SHEET_URL = /\/spreadsheets\/d\/([A-Za-z0-9_-]{10,})/;
const SHEET_ID = /^[A-Za-z0-9_-]{10,}$/;

const TEXT = {
  es: {
    notConfigured: 'Este workspace aún no eligió su planilla. Un administrador debe escribir `/facturas config ID_DE_LA_PLANILLA` (el ID largo de la URL de la hoja de Google).',
    adminsOnly: 'Solo un administrador o propietario del workspace puede elegir la planilla.',
    usage:
      'Escriba `/facturas config ID_DE_LA_PLANILLA` o pegue la URL de la hoja de Google; `/facturas config canal ID_DEL_CANAL` y `/facturas config gerentes @persona` eligen dónde van los avisos.',
    unreadable: (id: string) => `No pude leer la planilla ${id}; compártala como Editor con la cuenta de servicio del bot y vuelva a intentarlo.`,
    done: (id: string) => `Listo: este workspace usa la planilla ${id}.`,
    channelUsage: 'Escriba `/facturas config canal ID_DEL_CANAL` (el ID C… que aparece al final de los detalles del canal).',
    channelDone: (channel: string) => `Listo: los cambios de estado se publican en ${channel}. Invite al bot a ese canal.`,
    managersUsage: 'Escriba `/facturas config gerentes @persona @persona` (o sus IDs, U…).',
    managersDone: (count: number) => `Listo: la alerta diaria va a ${count} gerente(s).`,
  },
  en: {
    notConfigured: 'This workspace has not chosen its workbook yet. An admin must type `/facturas config SHEET_ID` (the long id in the Google Sheet URL).',
    adminsOnly: 'Only a workspace admin or owner can choose the workbook.',
    usage: 'Type `/facturas config SHEET_ID` or paste the Google Sheet URL; `/facturas config channel CHANNEL_ID` and `/facturas config managers @person` choose where notices go.',
    unreadable: (id: string) => `I could not read workbook ${id}; share it as Editor with the bot's service account and try again.`,
    done: (id: string) => `Done: this workspace now uses workbook ${id}.`,
    channelUsage: 'Type `/facturas config channel CHANNEL_ID` (the C… id at the bottom of the channel details).',
    channelDone: (channel: string) => `Done: status changes are posted to ${channel}. Invite the bot to that channel.`,
    managersUsage: 'Type `/facturas config managers @person @person` (or their ids, U…).',
    managersDone: (count: number) => `Done: the daily alert goes to ${count} manager(s).`,
  },
} as const;

interface CommandBody {
  command?: string;
  text?: string;
  user_id?: string;
}

/**
 * `<#C123|cobranza>` (an escaped mention) or the id `C123`. A bare `#cobranza` is refused: the
 * delivery reads the channel's history by id, and resolving names needs a scope the bot lacks.
 */
const CHANNEL = /^(?:<#([CG][A-Z0-9]+)(?:\|[^>]*)?>|([CG][A-Z0-9]{2,}))$/;
/** `<@U123|name>` (a mention) or `U123`. */
const MANAGER = /^(?:<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|([UW][A-Z0-9]{2,}))$/;

const channelOf = (argument: string): string | undefined => {
  const match = CHANNEL.exec(argument);
  return match ? (match[1] ?? match[2]) : undefined;
};

const managersOf = (argument: string): string[] | undefined => {
  const words = argument.split(/[\s,]+/).filter((word) => word !== '');
  const ids = words.map((word) => MANAGER.exec(word)).map((match) => (match ? (match[1] ?? match[2]) : undefined));
  return ids.length > 0 && ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
};

const configArgument = (body: CommandBody): string | undefined => {
  if (body.command !== '/facturas') return undefined;
  const match = /^\s*config(?:\s+(.*))?$/i.exec(body.text ?? '');
  return match ? (match[1] ?? '').trim() : undefined;
};

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;
const ackOf = (args: Args): ((answer?: unknown) => Promise<void>) | undefined => (args as { ack?: (answer?: unknown) => Promise<void> }).ack;

/**
 * Before the listeners, with OAuth: `/facturas config SHEET_ID` (workspace admins and owners
 * only, per users.info) sets the team's workbook; any other request runs with its team's
 * workbook, or is answered that none is set yet. Lifecycle events pass without one.
 */
export function workspaceMiddleware(installations: WorkspaceInstallations, workbooks: TeamWorkbooks, locale: Locale, canRead: (sheetId: string) => Promise<boolean>) {
  const text = TEXT[locale];
  return async (args: Args): Promise<void> => {
    const teamId = args.context.isEnterpriseInstall ? args.context.enterpriseId : args.context.teamId;
    const body = args.body as CommandBody & { event?: { type?: string } };
    if (body.event?.type === 'app_uninstalled' || body.event?.type === 'tokens_revoked') return args.next();
    const ack = ackOf(args);
    const argument = configArgument(body);
    if (argument !== undefined && teamId) {
      await ack?.();
      const respond = (message: string) => (args as { respond?: (m: unknown) => Promise<unknown> }).respond?.({ response_type: 'ephemeral', text: message });
      const info = await args.client.users.info({ user: body.user_id ?? '' });
      const user = info.user as { is_admin?: boolean; is_owner?: boolean } | undefined;
      if (!user?.is_admin && !user?.is_owner) {
        await respond(text.adminsOnly);
        return;
      }
      const setting = /^(canal|channel|gerentes|managers)(?:\s+(.*))?$/i.exec(argument);
      if (setting) {
        const value = (setting[2] ?? '').trim();
        if (/^(canal|channel)$/i.test(setting[1]!)) {
          const channel = channelOf(value);
          if (!channel) return void (await respond(text.channelUsage));
          await installations.setNotifyChannel(teamId, channel);
          args.logger.info(`Team ${teamId}: notify channel set to ${channel} by ${body.user_id}`);
          return void (await respond(text.channelDone(channel)));
        }
        const managers = managersOf(value);
        if (!managers) return void (await respond(text.managersUsage));
        await installations.setManagers(teamId, managers);
        args.logger.info(`Team ${teamId}: ${managers.length} alert manager(s) set by ${body.user_id}`);
        return void (await respond(text.managersDone(managers.length)));
      }
      const sheetId = SHEET_URL.exec(argument)?.[1] ?? (SHEET_ID.test(argument) ? argument : undefined);
      if (!sheetId) {
        await respond(text.usage);
        return;
      }
      if (!(await canRead(sheetId))) {
        await respond(text.unreadable(sheetId));
        return;
      }
      await installations.setSheet(teamId, sheetId);
      workbooks.forget(teamId);
      args.logger.info(`Team ${teamId}: workbook set to ${sheetId} by ${body.user_id}`);
      await respond(text.done(sheetId));
      return;
    }
    const workbook = teamId ? await workbooks.forTeam(teamId) : undefined;
    if (!workbook) {
      if (ack) await ack(body.command ? { response_type: 'ephemeral', text: text.notConfigured } : undefined);
      return;
    }
    await workbooks.runFor(workbook, () => args.next());
  };
}

/** Uninstalling the app (or revoking its bot token) deletes the workspace's installation, tokens included. */
export function registerUninstall(app: App, installations: WorkspaceInstallations, workbooks: TeamWorkbooks, logger: Logger): void {
  const remove = async (teamId: string | undefined, enterpriseId: string | undefined, why: string): Promise<void> => {
    if (!teamId) return;
    await installations.deleteInstallation({ teamId, enterpriseId, isEnterpriseInstall: false });
    workbooks.forget(teamId);
    logger.info(`Team ${teamId}: installation and tokens deleted (${why})`);
  };
  app.event('app_uninstalled', async ({ context }) => remove(context.teamId, context.enterpriseId, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0) await remove(context.teamId, context.enterpriseId, 'tokens_revoked');
  });
}
