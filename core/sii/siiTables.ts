import type { Locale } from '../i18n/locale';
import { formatDateCl } from '../dates/isoDate';
import { formatMoney } from '../money/formatMoney';
import type { ReportTable } from '../reports/reportTable';
import { periodLabel } from '../reports/reportLabels';
import { F29_COUNT_CODES, type F29Debits } from './f29';
import type { ReconciledField, Reconciliation } from './reconcile';

export const RECONCILED_FIELD_LABELS: Readonly<Record<ReconciledField, { es: string; en: string }>> = {
  issueDate: { es: 'Fecha', en: 'Date' },
  customerTaxId: { es: 'RUT', en: 'RUT' },
  exempt: { es: 'Exento', en: 'Exempt' },
  net: { es: 'Neto', en: 'Net' },
  tax: { es: 'IVA', en: 'VAT' },
  otherTaxes: { es: 'Otros impuestos', en: 'Other taxes' },
  total: { es: 'Total', en: 'Total' },
};

const SECTIONS = {
  onlyInRcv: { es: 'Solo en el RCV', en: 'Only in the RCV' },
  onlyInWorkbook: { es: 'Solo en el libro', en: 'Only in the workbook' },
  difference: { es: 'Diferencia', en: 'Difference' },
  claimed: { es: 'Reclamado en el RCV', en: 'Claimed in the RCV' },
} as const;

const fieldValue = (field: ReconciledField, value: string | number, currency: string): string =>
  typeof value === 'number' ? formatMoney(value, currency) : field === 'issueDate' ? formatDateCl(value) : value;

/** The reconciliation as one table: what is only on one side, each difference, and each claimed document. */
export function reconciliationTable(result: Reconciliation, locale: Locale, currency = 'CLP'): ReportTable {
  const es = locale === 'es';
  const side = (section: keyof typeof SECTIONS) => SECTIONS[section][locale];
  const docRow = (section: 'onlyInRcv' | 'onlyInWorkbook') => (d: Reconciliation['onlyInRcv'][number]) => [
    side(section),
    d.type,
    d.number,
    formatDateCl(d.issueDate),
    section === 'onlyInWorkbook' ? formatMoney(d.total, currency) : '',
    section === 'onlyInRcv' ? formatMoney(d.total, currency) : '',
    d.customerTaxId,
  ];
  return {
    title: es ? 'Conciliación con el RCV del SII' : 'Reconciliation with the SII RCV',
    subtitle: `${es ? 'Período' : 'Period'} ${periodLabel(result.period, locale)}`,
    locale,
    currency,
    columns: [
      { header: es ? 'Resultado' : 'Result', kind: 'text' },
      { header: es ? 'Tipo' : 'Type', kind: 'number' },
      { header: es ? 'Folio' : 'Number', kind: 'number' },
      { header: es ? 'Campo o fecha' : 'Field or date', kind: 'text' },
      { header: es ? 'Libro' : 'Workbook', kind: 'text' },
      { header: 'RCV', kind: 'text' },
      { header: 'RUT', kind: 'text' },
    ],
    rows: [
      ...result.onlyInRcv.map(docRow('onlyInRcv')),
      ...result.onlyInWorkbook.map(docRow('onlyInWorkbook')),
      ...result.differences.map((d) => [
        side('difference'),
        d.type,
        d.number,
        RECONCILED_FIELD_LABELS[d.field][locale],
        fieldValue(d.field, d.workbook, currency),
        fieldValue(d.field, d.rcv, currency),
        '',
      ]),
      ...result.claimed.map((c) => [side('claimed'), c.type, c.number, formatDateCl(c.claimDate), '', '', '']),
    ],
    footer: [
      [
        es
          ? `RCV: ${result.counts.rcv}; libro: ${result.counts.workbook}; coinciden: ${result.counts.matched}`
          : `RCV: ${result.counts.rcv}; workbook: ${result.counts.workbook}; matched: ${result.counts.matched}`,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    ],
  };
}

/** The F29 débitos as a table: code, line, value (documents counted, the rest in pesos). */
export function f29Table(debits: F29Debits, locale: Locale, currency = 'CLP'): ReportTable {
  const es = locale === 'es';
  const valueOf = (code: number, value: number): string => (F29_COUNT_CODES.has(code) ? String(value) : formatMoney(value, currency));
  const lines = debits.lines.filter((line) => line.code !== 538);
  const total = debits.lines.find((line) => line.code === 538)!;
  return {
    title: es ? 'Formulario 29: débitos' : 'Formulario 29: debits',
    subtitle: `${es ? 'Período' : 'Period'} ${periodLabel(debits.period, locale)}`,
    locale,
    currency,
    columns: [
      { header: es ? 'Código' : 'Code', kind: 'number' },
      { header: es ? 'Línea' : 'Line', kind: 'text' },
      { header: es ? 'Valor' : 'Value', kind: 'text' },
    ],
    rows: lines.map((line) => [line.code, line.label, valueOf(line.code, line.value)]),
    footer: [[total.code, total.label, valueOf(total.code, total.value)]],
  };
}
