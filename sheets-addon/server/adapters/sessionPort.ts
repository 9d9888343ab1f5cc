/// <reference types="google-apps-script" />
import { type Locale, isoDateInZone } from '../../../core';
import type { SessionPort } from '../ports';
import { withBackoff } from './retry';

const LOCALE_PROPERTY = 'facturas.locale';

/** The installable trigger that records manual edits of Estado; must match the top-level function's name. */
export const EDIT_TRIGGER_HANDLER = 'onEstadoEdit';

export function appsScriptSessionPort(): SessionPort {
  let zone: string | undefined;
  const businessTimeZone = (): string => (zone ??= withBackoff(() => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()));
  return {
    // The active user's address needs the userinfo.email scope; outside a Workspace domain it may be empty.
    userEmail: () => Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '',
    businessTimeZone,
    today: () => isoDateInZone(new Date(), businessTimeZone()),
    now: () => new Date(),
    savedLocale(): Locale | null {
      const saved = withBackoff(() => PropertiesService.getUserProperties().getProperty(LOCALE_PROPERTY));
      return saved === 'en' || saved === 'es' ? saved : null;
    },
    saveLocale(locale: Locale): void {
      withBackoff(() => PropertiesService.getUserProperties().setProperty(LOCALE_PROPERTY, locale));
    },
    ensureEditTrigger(): boolean {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      const installed = ScriptApp.getUserTriggers(spreadsheet).some((trigger) => trigger.getHandlerFunction() === EDIT_TRIGGER_HANDLER);
      if (!installed) ScriptApp.newTrigger(EDIT_TRIGGER_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
      return true;
    },
  };
}
