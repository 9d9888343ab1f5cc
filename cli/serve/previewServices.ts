import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Locale, isoDateInZone } from '../../core';
import type { MailMessage, MailPort, SessionPort } from '../../sheets-addon/server/ports';

/** Google's daily MailApp quota for consumer accounts; the preview counts down from it per run. */
export const PREVIEW_MAIL_QUOTA = 100;

export interface PreviewMailbox extends MailPort {
  readonly sent: readonly MailMessage[];
  /** Writes the messages sent since the last flush to the outbox folder. */
  flush(): Promise<string[]>;
}

/**
 * Mail in the preview goes to a folder, never to a customer: each message becomes a .txt with
 * its headers and body and the attached .pdf, so a newcomer can open what would have been sent.
 */
export function previewMailbox(outboxDir: string, now: () => Date, quota = PREVIEW_MAIL_QUOTA): PreviewMailbox {
  const sent: MailMessage[] = [];
  let unsaved: MailMessage[] = [];
  let remaining = quota;
  return {
    sent,
    remainingDailyQuota: () => remaining,
    send(message) {
      if (remaining <= 0) throw new Error('Service invoked too many times for one day: email.');
      remaining--;
      sent.push(message);
      unsaved.push(message);
    },
    async flush() {
      const batch = unsaved;
      unsaved = [];
      if (batch.length === 0) return [];
      await mkdir(outboxDir, { recursive: true });
      const files: string[] = [];
      for (const message of batch) {
        const stem = path.join(outboxDir, `${now().toISOString().replace(/[:.]/g, '-')}-${message.attachment.fileName.replace(/\.pdf$/, '')}`);
        await writeFile(`${stem}.txt`, `Para: ${message.to}\nAsunto: ${message.subject}\nAdjunto: ${message.attachment.fileName}\n\n${message.body}\n`);
        await writeFile(`${stem}.pdf`, Buffer.from(message.attachment.base64, 'base64'));
        files.push(`${stem}.pdf`);
      }
      return files;
    },
  };
}

/** `asOf` pins today (facturas serve --as-of), as every other command allows. */
export function previewSession(user: string, timeZone: string, asOf: string | undefined, now: () => Date): SessionPort {
  let locale: Locale | null = null;
  return {
    userEmail: () => user,
    businessTimeZone: () => timeZone,
    today: () => asOf ?? isoDateInZone(now(), timeZone),
    now,
    savedLocale: () => locale,
    saveLocale: (chosen) => {
      locale = chosen;
    },
    // Edits of the .xlsx happen in Excel or LibreOffice, where no trigger can watch them.
    ensureEditTrigger: () => false,
  };
}
