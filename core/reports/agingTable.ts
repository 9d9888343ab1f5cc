import type { Locale } from '../i18n/locale';
import type { ReportColumn, ReportTable } from './reportTable';
import { AGING_BUCKETS, type AgingBucket, type AgingReport } from './agingReport';
import { otherCurrencyNote, asOfLabel } from './reportLabels';

export const AGING_BUCKET_LABELS: Readonly<Record<AgingBucket, { readonly es: string; readonly en: string }>> = {
  notDue: { es: 'Por vencer', en: 'Not yet due' },
  days1to30: { es: '1-30 días', en: '1-30 days' },
  days31to60: { es: '31-60 días', en: '31-60 days' },
  days61to90: { es: '61-90 días', en: '61-90 days' },
  over90: { es: 'Más de 90 días', en: 'Over 90 days' },
};

/** One row per customer, largest debtor first, with the amount owed in each age range. */
export function agingTable(report: AgingReport, locale: Locale = 'es'): ReportTable {
  const es = locale === 'es';
  const columns: ReportColumn[] = [
    { header: 'RUT', kind: 'text' },
    { header: es ? 'Cliente' : 'Customer', kind: 'text' },
    ...AGING_BUCKETS.map((bucket): ReportColumn => ({ header: AGING_BUCKET_LABELS[bucket][locale], kind: 'money' })),
    { header: 'Total', kind: 'money' },
  ];
  return {
    title: es ? 'Antigüedad de saldos por cobrar' : 'Accounts receivable ageing',
    subtitle: asOfLabel(report.asOf, locale) + otherCurrencyNote(report.otherCurrencyCount, report.currency, locale),
    locale,
    currency: report.currency,
    columns,
    rows: report.customers.map((c) => [c.customerTaxId, c.customerName, ...AGING_BUCKETS.map((bucket) => c[bucket]), c.total]),
    footer: [['', 'Total', ...AGING_BUCKETS.map((bucket) => report.totals[bucket]), report.totals.total]],
  };
}
