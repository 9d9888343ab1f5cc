import type { Locale } from '../i18n/locale';
import { addDays, formatDateCl } from '../dates/isoDate';
import { formatMoney } from '../money/formatMoney';
import { AGING_BUCKETS } from '../reports/agingReport';
import { AGING_BUCKET_LABELS } from '../reports/agingTable';
import type { ReportTable } from '../reports/reportTable';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import type { CustomerStatement, StatementMovement } from './customerStatement';

/** "Factura electrónica 33-1023", "Pago a 33-1023 (Transferencia TX-1)". */
export function movementLabel(movement: StatementMovement, profile: TaxProfile, locale: Locale): string {
  const key = `${movement.type}-${movement.number}`;
  if (movement.kind !== 'payment') return `${documentTypeRule(profile, movement.type)?.name[locale] ?? movement.type} ${key}`;
  const detail = movement.detail ? ` (${movement.detail})` : '';
  return locale === 'es' ? `Pago a ${key}${detail}` : `Payment on ${key}${detail}`;
}

export const statementTitle = (locale: Locale): string => (locale === 'es' ? 'Estado de cuenta' : 'Statement of account');

export const statementPeriod = (statement: Pick<CustomerStatement, 'from' | 'to'>, locale: Locale): string =>
  locale === 'es' ? `del ${formatDateCl(statement.from)} al ${formatDateCl(statement.to)}` : `from ${formatDateCl(statement.from)} to ${formatDateCl(statement.to)}`;

/** The statement as the one table form every renderer takes: the opening line, movements with charges, credits and running balance, the closing line. */
export function statementTable(statement: CustomerStatement, profile: TaxProfile, locale: Locale = 'es'): ReportTable {
  const es = locale === 'es';
  const charges = statement.movements.reduce((sum, m) => sum + Math.max(0, m.amount), 0);
  const credits = statement.movements.reduce((sum, m) => sum + Math.max(0, -m.amount), 0);
  return {
    title: `${statementTitle(locale)} — ${statement.customerName} (${statement.customerTaxId})`,
    subtitle: statementPeriod(statement, locale),
    locale,
    currency: statement.currency,
    columns: [
      { header: es ? 'Fecha' : 'Date', kind: 'date' },
      { header: es ? 'Movimiento' : 'Movement', kind: 'text' },
      { header: es ? 'Cargo' : 'Charge', kind: 'money' },
      { header: es ? 'Abono' : 'Credit', kind: 'money' },
      { header: es ? 'Saldo' : 'Balance', kind: 'money' },
    ],
    rows: [
      [addDays(statement.from, -1), es ? 'Saldo anterior' : 'Opening balance', null, null, statement.openingBalance],
      ...statement.movements.map((m) => [m.date, movementLabel(m, profile, locale), m.amount > 0 ? m.amount : null, m.amount < 0 ? -m.amount : null, m.balance]),
    ],
    footer: [[statement.to, es ? 'Saldo final' : 'Closing balance', charges, credits, statement.closingBalance]],
  };
}

/** The customer's ageing as of `to`, one line: "Por vencer $0 · 1-30 días $59.500 · …". */
export const statementAgingLine = (statement: CustomerStatement, locale: Locale): string =>
  AGING_BUCKETS.map((bucket) => `${AGING_BUCKET_LABELS[bucket][locale]} ${formatMoney(statement.aging[bucket], statement.currency)}`).join(' · ');
