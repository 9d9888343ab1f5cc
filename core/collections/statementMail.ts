import type { Locale } from '../i18n/locale';
import { formatDateCl } from '../dates/isoDate';
import { formatMoney } from '../money/formatMoney';
import type { CustomerStatement } from './customerStatement';

/** The subject and body of the email that carries a customer's estado de cuenta as its PDF. */
export function statementMail(statement: CustomerStatement, issuerName: string, locale: Locale): { subject: string; body: string } {
  const balance = formatMoney(statement.closingBalance, statement.currency);
  const to = formatDateCl(statement.to);
  if (locale === 'es') {
    return {
      subject: `Estado de cuenta al ${to}${issuerName ? ` — ${issuerName}` : ''}`,
      body: `Estimado(a) ${statement.customerName}:\n\nAdjuntamos su estado de cuenta al ${to}. Saldo: ${balance}.\n\nSaludos cordiales,\n${issuerName}`,
    };
  }
  return {
    subject: `Statement as of ${to}${issuerName ? ` — ${issuerName}` : ''}`,
    body: `Dear ${statement.customerName},\n\nPlease find attached your statement as of ${to}. Balance: ${balance}.\n\nKind regards,\n${issuerName}`,
  };
}

/** The Nota of the Gestiones `correo` line a sent statement leaves. */
export const statementSentNote = (email: string): string => `estado de cuenta enviado a ${email}`;
