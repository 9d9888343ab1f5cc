import type { Locale } from '../i18n/locale';
import type { PaymentStatus } from '../model';
import { PAYMENT_STATUS_LABELS, parsePaymentStatus } from '../workbook/choices';

export const paymentStatusLabel = (status: PaymentStatus, locale: Locale): string => PAYMENT_STATUS_LABELS[status][locale];

/**
 * A status as Historial stores it (written in either language, or blank when unknown) in the
 * reader's language; a word that is no status is shown as written, blank as `—`.
 */
export function historyStatusLabel(text: string, locale: Locale): string {
  const status = parsePaymentStatus(text);
  return status ? PAYMENT_STATUS_LABELS[status][locale] : text || '—';
}
