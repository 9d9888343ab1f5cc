import type { MailAttachment } from './ports';

/** What the reminder run needs of Apps Script beyond the sheet, mail and session ports. */
export interface ReminderPorts {
  /** An HTML page as a PDF attachment (Apps Script converts it itself: pdfmake cannot run there). */
  pdfFromHtml(html: string, fileName: string): MailAttachment;
  /** Installs the daily time-driven trigger once; false where triggers do not exist. */
  ensureDailyTrigger(): boolean;
}
