import type { Locale } from '../i18n/locale';
import { PAYMENT_STATUS_LABELS } from '../workbook/choices';
import type { ReportTable } from './reportTable';
import type { StatusSummary } from './statusSummary';
import { otherCurrencyNote, asOfLabel, capitalize } from './reportLabels';

export function statusSummaryTable(report: StatusSummary, locale: Locale = 'es'): ReportTable {
  const es = locale === 'es';
  return {
    title: es ? 'Resumen por estado de pago' : 'Payment status summary',
    subtitle: asOfLabel(report.asOf, locale) + otherCurrencyNote(report.otherCurrencyCount, report.currency, locale),
    locale,
    currency: report.currency,
    columns: [
      { header: es ? 'Estado' : 'Status', kind: 'text' },
      { header: es ? 'Documentos' : 'Documents', kind: 'count' },
      { header: 'Total', kind: 'money' },
      { header: es ? 'Saldo' : 'Balance', kind: 'money' },
    ],
    rows: report.lines.map((line) => [capitalize(PAYMENT_STATUS_LABELS[line.status][locale]), line.count, line.total, line.balance]),
    footer: [['Total', report.totals.count, report.totals.total, report.totals.balance]],
  };
}
