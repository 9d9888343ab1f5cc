import type { Locale } from '../i18n/locale';
import type { Book } from '../model';
import type { ReminderStep } from './types';

/** Days relative to the due date when a reminder goes out, unless the Recordatorios tab says otherwise. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [-3, 1, 7, 15, 30];

interface StepText {
  readonly subject: string;
  readonly message: string;
}

const BEFORE_DUE: Readonly<Record<Locale, StepText>> = {
  es: {
    subject: 'Recordatorio: documentos por vencer — {empresa}',
    message:
      'Estimado cliente {cliente}:\n\nLe recordamos que los siguientes documentos vencen pronto:\n\n{documentos}\n\nSaldo total: {saldo}. Adjuntamos su estado de cuenta. Si ya realizó el pago, por favor ignore este mensaje.\n\nSaludos cordiales,\n{empresa}',
  },
  en: {
    subject: 'Reminder: documents falling due — {empresa}',
    message:
      'Dear {cliente},\n\nThis is a reminder that the following documents fall due soon:\n\n{documentos}\n\nTotal balance: {saldo}. Your statement is attached. If you have already paid, please disregard this message.\n\nKind regards,\n{empresa}',
  },
};

const AFTER_DUE: Readonly<Record<Locale, StepText>> = {
  es: {
    subject: 'Documentos vencidos pendientes de pago — {empresa}',
    message:
      'Estimado cliente {cliente}:\n\nSegún nuestros registros, los siguientes documentos están vencidos:\n\n{documentos}\n\nSaldo total: {saldo}. Adjuntamos su estado de cuenta. Le agradeceremos regularizar el pago o respondernos con la fecha en que lo hará.\n\nSaludos cordiales,\n{empresa}',
  },
  en: {
    subject: 'Overdue documents awaiting payment — {empresa}',
    message:
      'Dear {cliente},\n\nAccording to our records the following documents are overdue:\n\n{documentos}\n\nTotal balance: {saldo}. Your statement is attached. We would be grateful if you could settle them or reply with the date you will pay.\n\nKind regards,\n{empresa}',
  },
};

/** The text a step uses when its Asunto or Mensaje cell is empty. */
export const defaultStepText = (days: number, locale: Locale): StepText => (days < 0 ? BEFORE_DUE : AFTER_DUE)[locale];

/** The default schedule written out, e.g. as the rows `facturas init` puts in Recordatorios. */
export const defaultReminderSteps = (locale: Locale): ReminderStep[] => DEFAULT_REMINDER_DAYS.map((days) => ({ days, ...defaultStepText(days, locale) }));

/** The workbook's schedule in day order: the Recordatorios rows, else the default days. */
export const reminderSchedule = (book: Book): readonly ReminderStep[] => book.reminderSteps ?? DEFAULT_REMINDER_DAYS.map((days) => ({ days, subject: '', message: '' }));
