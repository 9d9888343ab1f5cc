import type { Locale, WorkbookRead } from '../core/index';
import { formatIssue } from '../core/index';
import type { WorkbookStore } from '../core/node/store';
import { WorkbookNotFoundError, WorkbookUnreadableError } from '../core/node/xlsxFile';
import type { BotSettings } from './settings';

/**
 * What stops the bot at start, one line naming the setting to fix: Slack out of reach or refusing
 * the token, the workbook or Google Sheet missing or unreadable. Each problem is known at start;
 * left to the first request it would reach a user as "try again later" and the log as a stack.
 */

const DEFAULT_API = 'https://slack.com/api/';

const reasonOf = (error: unknown): string => {
  const e = error as { original?: { message?: string; cause?: { code?: string; message?: string } }; message?: string; cause?: { code?: string } };
  return e?.original?.cause?.code ?? e?.original?.cause?.message ?? e?.original?.message ?? e?.cause?.code ?? e?.message ?? String(error);
};

/** auth.test failed: out of reach (name SLACK_API_URL) or refused (name SLACK_BOT_TOKEN). */
export function slackFailureMessage(error: unknown, settings: BotSettings, locale: Locale): string {
  const es = locale === 'es';
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number };
  if (e?.code === 'slack_webapi_platform_error' && e.data?.error) {
    return es
      ? `SLACK_BOT_TOKEN: Slack no lo aceptó (${e.data.error}); copie de nuevo el Bot User OAuth Token`
      : `SLACK_BOT_TOKEN: Slack did not accept it (${e.data.error}); copy the Bot User OAuth Token again`;
  }
  const url = settings.slackApiUrl ?? DEFAULT_API;
  const why = e?.code === 'slack_webapi_http_error' ? `HTTP ${e.statusCode ?? '?'}` : reasonOf(error);
  return es
    ? `SLACK_API_URL: no se pudo conectar con Slack en ${url} (${why}); revise la conexión a internet o el proxy, o SLACK_API_URL si lo definió`
    : `SLACK_API_URL: Slack could not be reached at ${url} (${why}); check the internet connection or proxy, or SLACK_API_URL if you set it`;
}

/** The setting that names where the data is. */
const dataSetting = (settings: BotSettings): string => (settings.googleSheetId ? 'GOOGLE_SHEET_ID' : 'FACTURAS_WORKBOOK');

/** The first read failed: the file is missing or not a workbook, the sheet is not shared or does not exist. */
export function workbookFailureMessage(error: unknown, settings: BotSettings, locale: Locale): string {
  const es = locale === 'es';
  if (error instanceof WorkbookNotFoundError) {
    return es
      ? `FACTURAS_WORKBOOK: no existe el libro ${error.path}; créelo con «facturas init» o indique otro`
      : `FACTURAS_WORKBOOK: there is no workbook at ${error.path}; create it with "facturas init" or point at another`;
  }
  if (error instanceof WorkbookUnreadableError) {
    return es ? `FACTURAS_WORKBOOK: no se pudo leer ${error.path} como libro .xlsx (${error.reason})` : `FACTURAS_WORKBOOK: ${error.path} could not be read as an .xlsx workbook (${error.reason})`;
  }
  const e = error as { response?: { status?: number }; status?: number; code?: unknown; message?: string };
  const status = e?.response?.status ?? e?.status ?? (typeof e?.code === 'number' ? e.code : undefined);
  const sheet = settings.googleSheetId ?? '';
  if (settings.googleSheetId && status === 404) {
    return es ? `GOOGLE_SHEET_ID: no existe una hoja de Google con el id ${sheet}` : `GOOGLE_SHEET_ID: there is no Google Sheet with id ${sheet}`;
  }
  if (settings.googleSheetId && (status === 401 || status === 403)) {
    return es
      ? `GOOGLE_SHEET_ID: la cuenta de servicio no tiene acceso a la hoja ${sheet}; compártala con su correo como Editor (o revise GOOGLE_APPLICATION_CREDENTIALS)`
      : `GOOGLE_SHEET_ID: the service account has no access to sheet ${sheet}; share it with its email as Editor (or check GOOGLE_APPLICATION_CREDENTIALS)`;
  }
  if (settings.googleSheetId && /ENOENT|no such file|Unexpected token|JSON/i.test(e?.message ?? '')) {
    return es
      ? `GOOGLE_APPLICATION_CREDENTIALS: no se pudo leer la clave de la cuenta de servicio ${settings.googleCredentials ?? ''} (${e.message})`
      : `GOOGLE_APPLICATION_CREDENTIALS: the service account key ${settings.googleCredentials ?? ''} could not be read (${e.message})`;
  }
  const why = status === undefined ? (e?.message ?? String(error)) : `${status} ${e?.message ?? ''}`.trim();
  return es
    ? `${dataSetting(settings)}: no se pudo leer ${settings.googleSheetId ? `la hoja ${sheet}` : settings.workbookPath} (${why})`
    : `${dataSetting(settings)}: ${settings.googleSheetId ? `sheet ${sheet}` : settings.workbookPath} could not be read (${why})`;
}

/** A workbook without a Facturas tab is the wrong one (another spreadsheet, a blank file): nothing to serve. */
export function workbookShapeMessage(read: WorkbookRead, settings: BotSettings, locale: Locale): string | undefined {
  if (read.layout.facturas) return undefined;
  const missing = read.issues.find((i) => i.code === 'missingTab' && i.path.tab === 'facturas');
  const where = settings.googleSheetId ? settings.googleSheetId : settings.workbookPath;
  const detail = missing ? formatIssue({ ...missing, path: {} }, locale) : locale === 'es' ? 'falta la hoja Facturas' : 'the Facturas sheet is missing';
  return `${dataSetting(settings)}: ${where}: ${detail}`;
}

/** Reads the workbook once; a message naming the setting when it cannot be used, else undefined. */
export async function checkWorkbook(store: Pick<WorkbookStore, 'read'>, settings: BotSettings, locale: Locale): Promise<string | undefined> {
  let read: WorkbookRead;
  try {
    read = await store.read();
  } catch (error) {
    return workbookFailureMessage(error, settings, locale);
  }
  return workbookShapeMessage(read, settings, locale);
}
