import { z } from 'zod';

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

const idList = (pattern: RegExp, what: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : []),
    z.array(z.string().regex(pattern, `${what}: cada id debe parecerse a U0123ABCD`)),
  );

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const SCHEMA = z.object({
  SLACK_SIGNING_SECRET: z.preprocess(blankToUndefined, z.string({ error: 'falta (Basic Information > Signing Secret de la app de Slack)' })),
  SLACK_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z.string({ error: 'falta (OAuth & Permissions > Bot User OAuth Token)' }).regex(/^xoxb-/, 'debe ser un token de bot (empieza con xoxb-)'),
  ),
  SLACK_API_URL: z.preprocess(blankToUndefined, z.url({ error: 'debe ser una URL, p. ej. https://slack.com/api/' }).optional()),
  PORT: z.preprocess(blankToUndefined, z.coerce.number({ error: 'debe ser un número de puerto' }).int('debe ser un entero').min(0).max(65535, 'debe estar entre 0 y 65535').default(3000)),
  SLACK_NOTIFY_CHANNEL: z.preprocess(blankToUndefined, z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'debe ser el id de un canal (C0123ABCD), no su nombre').optional()),
  SLACK_MANAGER_IDS: idList(/^[UW][A-Z0-9]{2,}$/, 'SLACK_MANAGER_IDS'),
  SLACK_PAYMENT_ADMINS: idList(/^[UW][A-Z0-9]{2,}$/, 'SLACK_PAYMENT_ADMINS'),
  FACTURAS_ALERT_TIME: z.preprocess(blankToUndefined, z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'debe ser una hora HH:MM, p. ej. 09:00').default('09:00')),
  FACTURAS_TIMEZONE: z.preprocess(blankToUndefined, z.string().refine(isTimeZone, 'no es una zona horaria IANA (p. ej. America/Santiago)').default('America/Santiago')),
  FACTURAS_POLL_SECONDS: z.preprocess(blankToUndefined, z.coerce.number({ error: 'debe ser un número de segundos' }).int('debe ser un entero').min(1, 'debe ser al menos 1').max(86_400).default(60)),
  GOOGLE_SHEET_ID: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9_-]{10,}$/, 'no parece el id de una hoja de Google (la parte larga de su URL)').optional()),
  GOOGLE_APPLICATION_CREDENTIALS: optionalText,
  FACTURAS_WORKBOOK: z.preprocess(blankToUndefined, z.string().default('./facturas.xlsx')),
  FACTURAS_BOT_STATE: optionalText,
});

export interface SettingsOptions {
  /** A test points the Sheets client at a fake and needs no service account. */
  readonly credentialsOptional?: boolean;
}

/** Every bad or missing setting in one message, each named, so one restart fixes them all. */
export function loadSettings(env: Readonly<Record<string, string | undefined>>, options: SettingsOptions = {}): SettingsResult {
  const parsed = SCHEMA.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const problem of parsed.error.issues) problems.push(`${String(problem.path[0] ?? '?')}: ${problem.message}`);
  } else if (parsed.data.GOOGLE_SHEET_ID && !parsed.data.GOOGLE_APPLICATION_CREDENTIALS && !options.credentialsOptional) {
    problems.push('GOOGLE_APPLICATION_CREDENTIALS: falta; con GOOGLE_SHEET_ID indique el archivo JSON de la cuenta de servicio');
  }
  if (!parsed.success || problems.length > 0) return { ok: false, message: `Configuración del bot de Slack inválida:\n- ${problems.join('\n- ')}` };
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

/** Slack settings present at all: `facturas serve` starts the bot only then. */
export const hasSlackSettings = (env: Readonly<Record<string, string | undefined>>): boolean =>
  Boolean(env['SLACK_BOT_TOKEN']?.trim() || env['SLACK_SIGNING_SECRET']?.trim());
