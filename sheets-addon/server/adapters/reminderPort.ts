/// <reference types="google-apps-script" />
import type { ReminderPorts } from '../reminderPorts';

/** The daily reminder trigger's handler; must match the top-level function's name. */
export const REMINDER_TRIGGER_HANDLER = 'sendDailyReminders';
/** Early enough that reminders arrive at the start of the customer's working day. */
const REMINDER_HOUR = 8;

export function appsScriptReminderPort(): ReminderPorts {
  return {
    pdfFromHtml(html, fileName) {
      const pdf = Utilities.newBlob(html, 'text/html', fileName).getAs('application/pdf');
      return { fileName, mimeType: 'application/pdf', base64: Utilities.base64Encode(pdf.getBytes()) };
    },
    ensureDailyTrigger() {
      const installed = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === REMINDER_TRIGGER_HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK);
      if (!installed) ScriptApp.newTrigger(REMINDER_TRIGGER_HANDLER).timeBased().everyDays(1).atHour(REMINDER_HOUR).create();
      return true;
    },
  };
}
