import type { Locale } from '../i18n/locale';
import { formatDateCl } from '../dates/isoDate';
import { formatMoney } from '../money/formatMoney';
import { periodLabel } from '../reports/reportLabels';
import type { ReportTable } from '../reports/reportTable';
import type { ReceivablesKpis } from './receivablesKpis';

const decimal = (n: number | null, unit: string): string => (n === null ? '—' : `${n.toFixed(1).replace('.', ',')}${unit}`);

/** The headline indicators, one per row, as every report renderer takes them. */
export function kpisTable(kpis: ReceivablesKpis, locale: Locale = 'es'): ReportTable {
  const es = locale === 'es';
  const money = (n: number): string => formatMoney(n, kpis.currency);
  const rows: [string, string][] = [
    [es ? 'Ventas del período' : 'Sales of the period', money(kpis.sales)],
    [es ? `Por cobrar al ${formatDateCl(kpis.from)} (inicio)` : `Receivables at ${formatDateCl(kpis.from)} (start)`, money(kpis.receivablesAtStart)],
    [es ? `Por cobrar al ${formatDateCl(kpis.to)}` : `Receivables at ${formatDateCl(kpis.to)}`, money(kpis.receivables)],
    [es ? 'Por cobrar no vencido' : 'Current receivables', money(kpis.currentReceivables)],
    [es ? 'DSO (días, método countback)' : 'DSO (days, countback method)', decimal(kpis.dso, '')],
    [es ? 'CEI (eficacia de cobranza)' : 'CEI (collection effectiveness)', decimal(kpis.cei, '%')],
    [es ? 'Vencido hace más de 90 días' : 'More than 90 days past due', decimal(kpis.over90Share, '%')],
  ];
  return {
    title: es ? 'Indicadores de cobranza' : 'Collection KPIs',
    subtitle: `${es ? 'Período' : 'Period'} ${periodLabel(kpis.period, locale)}`,
    locale,
    currency: kpis.currency,
    columns: [
      { header: es ? 'Indicador' : 'Indicator', kind: 'text' },
      { header: es ? 'Valor' : 'Value', kind: 'text' },
    ],
    rows,
    footer: [],
  };
}

export function topDebtorsTable(kpis: ReceivablesKpis, locale: Locale = 'es'): ReportTable {
  const es = locale === 'es';
  return {
    title: es ? 'Mayores deudores' : 'Largest debtors',
    subtitle: `${es ? 'al' : 'as of'} ${formatDateCl(kpis.to)}`,
    locale,
    currency: kpis.currency,
    columns: [
      { header: 'RUT', kind: 'text' },
      { header: es ? 'Cliente' : 'Customer', kind: 'text' },
      { header: es ? 'Saldo' : 'Balance', kind: 'money' },
      { header: es ? 'Vencido' : 'Overdue', kind: 'money' },
      { header: es ? 'Pago estimado' : 'Predicted payment', kind: 'date' },
    ],
    rows: kpis.topDebtors.map((d) => [d.customerTaxId, d.customerName, d.balance, d.overdue, d.predictedPayDate]),
    footer: [],
  };
}

export function daysToPayTable(kpis: ReceivablesKpis, locale: Locale = 'es'): ReportTable {
  const es = locale === 'es';
  return {
    title: es ? 'Días promedio de pago por cliente' : 'Average days to pay per customer',
    subtitle: es ? 'desde la emisión hasta el pago total' : 'from issue to payment in full',
    locale,
    currency: kpis.currency,
    columns: [
      { header: 'RUT', kind: 'text' },
      { header: es ? 'Cliente' : 'Customer', kind: 'text' },
      { header: es ? 'Facturas' : 'Invoices', kind: 'count' },
      { header: es ? 'Días' : 'Days', kind: 'text' },
    ],
    rows: kpis.averageDaysToPay.map((c) => [c.customerTaxId, c.customerName, c.invoices, decimal(c.days, '')]),
    footer: [],
  };
}
