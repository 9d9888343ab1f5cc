import { z } from 'zod';
import type { Locale } from '../core/index';

/** The settings of docs/bot.md, validated once at start. */
export interface BotSettings {
  readonly signingSecret: string;
  readonly botToken: string;
  readonly slackApiUrl: string | undefined;
  readonly port: number;
  readonly notifyChannel: string | undefined;
  readonly managerIds: readonly string[];
  readonly paymentAdmins: readonly string[];
  /** `HH:MM` in `timeZone`. */
  readonly alertTime: { readonly hour: number; readonly minute: number };
  readonly timeZone: string;
  readonly pollSeconds: number;
  readonly googleSheetId: string | undefined;
  readonly googleCredentials: string | undefined;
  readonly workbookPath: string;
  /** Where the notifier's cursor and the alert log live; default next to the workbook. */
  readonly statePath: string | undefined;
}

export type SettingsResult = { readonly ok: true; readonly settings: BotSettings } | { readonly ok: false; readonly message: string };

const blankToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);

const optionalText = z.preprocess(blankToUndefined, z.string().optional());

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** What each setting's problem reads like, per language; the variable's name is put in front. */
const MESSAGES = {
  es: {
    invalid: 'Configuración del bot de Slack inválida:',
    signingSecret: 'falta (Basic Information > Signing Secret de la app de Slack)',
    botTokenMissing: 'falta (OAuth & Permissions > Bot User OAuth Token)',
    botTokenShape: 'debe ser un token de bot (empieza con xoxb-)',
    url: 'debe ser una URL, p. ej. https://slack.com/api/',
    portNumber: 'debe ser un número de puerto',
    integer: 'debe ser un entero',
    portRange: 'debe estar entre 0 y 65535',
    channel: 'debe ser el id de un canal (C0123ABCD), no su nombre',
    userIds: 'cada id debe parecerse a U0123ABCD',
    alertTime: 'debe ser una hora HH:MM, p. ej. 09:00',
    timeZone: 'no es una zona horaria IANA (p. ej. America/Santiago)',
    seconds: 'debe ser un número de segundos',
    atLeastOne: 'debe ser al menos 1',
    atMostADay: 'debe ser a lo más 86400 (un día)',
    sheetId: 'no parece el id de una hoja de Google (la parte larga de su URL)',
    credentials: 'falta; con GOOGLE_SHEET_ID indique el archivo JSON de la cuenta de servicio',
  },
  en: {
    invalid: 'Invalid Slack bot settings:',
    signingSecret: "missing (the Slack app's Basic Information > Signing Secret)",
    botTokenMissing: 'missing (OAuth & Permissions > Bot User OAuth Token)',
    botTokenShape: 'must be a bot token (starts with xoxb-)',
    url: 'must be a URL, e.g. https://slack.com/api/',
    portNumber: 'must be a port number',
    integer: 'must be a whole number',
    portRange: 'must be between 0 and 65535',
    channel: 'must be a channel id (C0123ABCD), not its name',
    userIds: 'each id must look like U0123ABCD',
    alertTime: 'must be a time HH:MM, e.g. 09:00',
    timeZone: 'is not an IANA time zone (e.g. America/Santiago)',
    seconds: 'must be a number of seconds',
    atLeastOne: 'must be at least 1',
    atMostADay: 'must be at most 86400 (one day)',
    sheetId: 'does not look like a Google Sheet id (the long part of its URL)',
    credentials: "missing; with GOOGLE_SHEET_ID give the service account's JSON key file",
  },
} as const satisfies Record<Locale, Record<string, string>>;

function schemaFor(m: (typeof MESSAGES)[Locale]) {
  const idList = z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
        : [],
    z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, m.userIds)),
  );
  return z.object({
    SLACK_SIGNING_SECRET: z.preprocess(blankToUndefined, z.string({ error: m.signingSecret })),
    SLACK_BOT_TOKEN: z.preprocess(blankToUndefined, z.string({ error: m.botTokenMissing }).regex(/^xoxb-/, m.botTokenShape)),
    SLACK_API_URL: z.preprocess(blankToUndefined, z.url({ error: m.url }).optional()),
    PORT: z.preprocess(blankToUndefined, z.coerce.number({ error: m.portNumber }).int(m.integer).min(0, m.portRange).max(65535, m.portRange).default(3000)),
    SLACK_NOTIFY_CHANNEL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[CG][A-Z0-9]{2,}$/, m.channel)
        .optional(),
    ),
    SLACK_MANAGER_IDS: idList,
    SLACK_PAYMENT_ADMINS: idList,
    FACTURAS_ALERT_TIME: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, m.alertTime)
        .default('09:00'),
    ),
    FACTURAS_TIMEZONE: z.preprocess(blankToUndefined, z.string().refine(isTimeZone, m.timeZone).default('America/Santiago')),
    FACTURAS_POLL_SECONDS: z.preprocess(blankToUndefined, z.coerce.number({ error: m.seconds }).int(m.integer).min(1, m.atLeastOne).max(86_400, m.atMostADay).default(60)),
    GOOGLE_SHEET_ID: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{10,}$/, m.sheetId)
        .optional(),
    ),
    GOOGLE_APPLICATION_CREDENTIALS: optionalText,
    FACTURAS_WORKBOOK: z.preprocess(blankToUndefined, z.string().default('./facturas.xlsx')),
    FACTURAS_BOT_STATE: optionalText,
  });
}

export interface SettingsOptions {
  /** A test points the Sheets client at a fake and needs no service account. */
  readonly credentialsOptional?: boolean;
  /** The language of the problems; default Spanish. */
  readonly locale?: Locale;
}

/** Every bad or missing setting in one message, each named, so one restart fixes them all. */
export function loadSettings(env: Readonly<Record<string, string | undefined>>, options: SettingsOptions = {}): SettingsResult {
  const m = MESSAGES[options.locale ?? 'es'];
  const parsed = schemaFor(m).safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const problem of parsed.error.issues) problems.push(`${String(problem.path[0] ?? '?')}: ${problem.message}`);
  } else if (parsed.data.GOOGLE_SHEET_ID && !parsed.data.GOOGLE_APPLICATION_CREDENTIALS && !options.credentialsOptional) {
    problems.push(`GOOGLE_APPLICATION_CREDENTIALS: ${m.credentials}`);
  }
  if (!parsed.success || problems.length > 0) return { ok: false, message: `${m.invalid}\n- ${problems.join('\n- ')}` };
  const data = parsed.data;
  const [hour, minute] = data.FACTURAS_ALERT_TIME.split(':').map(Number) as [number, number];
  return {
    ok: true,
    settings: {
      signingSecret: data.SLACK_SIGNING_SECRET,
      botToken: data.SLACK_BOT_TOKEN,
      slackApiUrl: data.SLACK_API_URL,
      port: data.PORT,
      notifyChannel: data.SLACK_NOTIFY_CHANNEL,
      managerIds: data.SLACK_MANAGER_IDS,
      paymentAdmins: data.SLACK_PAYMENT_ADMINS,
      alertTime: { hour, minute },
      timeZone: data.FACTURAS_TIMEZONE,
      pollSeconds: data.FACTURAS_POLL_SECONDS,
      googleSheetId: data.GOOGLE_SHEET_ID,
      googleCredentials: data.GOOGLE_APPLICATION_CREDENTIALS,
      workbookPath: data.FACTURAS_WORKBOOK,
      statePath: data.FACTURAS_BOT_STATE,
    },
  };
}
