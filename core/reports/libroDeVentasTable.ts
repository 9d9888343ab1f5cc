import type { Locale } from '../i18n/locale';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import { STATE_LABELS } from '../workbook/choices';
import type { LibroDeVentas } from './libroDeVentas';
import type { ReportTable } from './reportTable';
import { LIBRO_LABELS, periodLabel } from './reportLabels';

const documentsPhrase = (count: number, voidCount: number, locale: Locale): string => {
  const es = locale === 'es';
  const docs = es ? `${count} ${count === 1 ? 'documento' : 'documentos'}` : `${count} ${count === 1 ? 'document' : 'documents'}`;
  if (voidCount === 0) return docs;
  const voids = es ? `${voidCount} ${voidCount === 1 ? 'anulado' : 'anulados'}` : `${voidCount} void`;
  return `${docs}, ${voids}`;
};

/** The sales book as a table: one row per document, then a total per type and the grand total. */
export function libroDeVentasTable(libro: LibroDeVentas, locale: Locale, profile: TaxProfile): ReportTable {
  const es = locale === 'es';
  const typeName = (type: number): string => documentTypeRule(profile, type)?.name[locale] ?? String(type);
  // The column appears only in a month with additional taxes, so books without them read as before.
  const withOther = libro.rows.some((r) => r.otherTaxes !== 0);
  const other = (amount: number): number[] => (withOther ? [amount] : []);
  const labels = LIBRO_LABELS[locale];
  return {
    title: labels.title,
    subtitle: `${labels.period} ${periodLabel(libro.period, locale)}`,
    locale,
    currency: profile.defaultCurrency,
    columns: [
      { header: es ? 'Tipo' : 'Type', kind: 'number' },
      { header: es ? 'Folio' : 'Number', kind: 'number' },
      { header: es ? 'Fecha' : 'Date', kind: 'date' },
      { header: profile.taxIdName, kind: 'text' },
      { header: es ? 'Cliente' : 'Customer', kind: 'text' },
      { header: es ? 'Exento' : 'Exempt', kind: 'money' },
      { header: es ? 'Neto' : 'Net', kind: 'money' },
      { header: es ? 'IVA' : 'VAT', kind: 'money' },
      ...(withOther ? [{ header: es ? 'Otros impuestos' : 'Other taxes', kind: 'money' as const }] : []),
      { header: 'Total', kind: 'money' },
      { header: es ? 'Estado' : 'State', kind: 'text' },
    ],
    rows: libro.rows.map((r) => [r.type, r.number, r.date, r.customerTaxId, r.customerName, r.exempt, r.net, r.tax, ...other(r.otherTaxes), r.total, r.void ? STATE_LABELS.anulada[locale] : '']),
    footer: [
      ...libro.totals.map((t) => [t.type, null, null, null, `${typeName(t.type)}: ${documentsPhrase(t.count, t.voidCount, locale)}`, t.exempt, t.net, t.tax, ...other(t.otherTaxes), t.total, '']),
      [null, null, null, null, `${labels.grandTotal} (${labels.grandTotalNote})`, libro.grandTotal.exempt, libro.grandTotal.net, libro.grandTotal.tax, ...other(libro.grandTotal.otherTaxes), libro.grandTotal.total, ''],
    ],
  };
}
