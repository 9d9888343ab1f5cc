import type { Locale } from '../i18n/locale';
import type { IsoDate } from '../model';
import { formatDateCl } from '../dates/isoDate';

const MONTHS = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** "al 15-10-2026" / "as of 15-10-2026". */
export const asOfLabel = (asOf: IsoDate, locale: Locale): string => `${locale === 'es' ? 'al' : 'as of'} ${formatDateCl(asOf)}`;

/** "octubre 2026" / "October 2026" for a valid `YYYY-MM`. */
export const periodLabel = (period: string, locale: Locale): string => `${MONTHS[locale][Number(period.slice(5, 7)) - 1] ?? period.slice(5, 7)} ${period.slice(0, 4)}`;

export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Added to a subtitle when documents in another currency could not be added in. */
export const otherCurrencyNote = (count: number, currency: string, locale: Locale): string => {
  if (count === 0) return '';
  return locale === 'es'
    ? ` (${count} ${count === 1 ? 'documento' : 'documentos'} en otra moneda que ${currency} no ${count === 1 ? 'incluido' : 'incluidos'})`
    : ` (${count} ${count === 1 ? 'document' : 'documents'} in a currency other than ${currency} left out)`;
};

/** The Libro de Ventas's words, as data: the table, the PDF and the sidebar's own layout use the same. */
export const LIBRO_LABELS: Readonly<Record<Locale, { readonly title: string; readonly period: string; readonly grandTotal: string; readonly grandTotalNote: string }>> = {
  es: { title: 'Libro de Ventas', period: 'Período', grandTotal: 'Total general', grandTotalNote: 'las notas de crédito restan' },
  en: { title: 'Sales book (Libro de Ventas)', period: 'Period', grandTotal: 'Grand total', grandTotalNote: 'credit notes subtract' },
};
