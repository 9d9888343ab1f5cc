import { addDays, parseIsoDate } from '../dates/isoDate';

/**
 * Ley 19.983 as amended by Ley 21.131 (2019): an invoice is paid within 30 calendar days of its
 * reception unless a longer term is agreed in writing. Documents from the RCV (which has no due
 * date) and DTEs without FchVenc get that legal term instead of falling due on issue.
 */
export const LEGAL_PAYMENT_DAYS = 30;

/** The due date of an invoice whose file names none; blank when the issue date does not read (the reader reports it). */
export function legalDueDate(issueDateText: string): string {
  const issued = parseIsoDate(issueDateText);
  return issued ? addDays(issued, LEGAL_PAYMENT_DAYS) : '';
}
