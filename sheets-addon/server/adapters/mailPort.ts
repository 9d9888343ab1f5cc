/// <reference types="google-apps-script" />
import type { MailMessage, MailPort } from '../ports';
import { withBackoff } from './retry';

export function appsScriptMailPort(): MailPort {
  return {
    remainingDailyQuota: () => withBackoff(() => MailApp.getRemainingDailyQuota()),
    // Not retried: a retry after a timeout could send the customer the same invoice twice.
    send(message: MailMessage): void {
      const pdf = Utilities.newBlob(Utilities.base64Decode(message.attachment.base64), message.attachment.mimeType, message.attachment.fileName);
      MailApp.sendEmail({ to: message.to, subject: message.subject, body: message.body, attachments: [pdf] });
    },
  };
}
