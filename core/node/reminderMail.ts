import { promises as fs } from 'node:fs';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Reminder } from '../collections/planReminders';

export interface ReminderMailOptions {
  /** The issuer's email (Empresa tab), else a placeholder: the message never leaves the machine. */
  readonly from: string;
  readonly date: Date;
  readonly statementPdf: Buffer;
  readonly statementFileName: string;
}

/** One reminder as a real MIME message (text body, the statement PDF attached), ready for any mail client. */
export function composeReminderEml(reminder: Reminder, options: ReminderMailOptions): Promise<Buffer> {
  const composer = new MailComposer({
    from: options.from,
    to: reminder.email,
    subject: reminder.subject,
    text: reminder.body,
    date: options.date,
    attachments: [{ filename: options.statementFileName, content: options.statementPdf, contentType: 'application/pdf' }],
  });
  return new Promise((resolve, reject) => composer.compile().build((error, message) => (error ? reject(error) : resolve(message))));
}

/** Writes a message into the outbox under a name no earlier message has, and returns its path. */
export async function writeToOutbox(outboxDir: string, stem: string, message: Buffer): Promise<string> {
  await fs.mkdir(outboxDir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const file = path.join(outboxDir, `${stem}${attempt === 0 ? '' : `-${attempt + 1}`}.eml`);
    try {
      await fs.writeFile(file, message, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
