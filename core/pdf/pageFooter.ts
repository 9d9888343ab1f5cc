import type { Locale } from '../i18n/locale';
import type { PdfContent } from './docDefinition';

/** "Página 2 de 5" at the foot of each page. */
export const pageNumberFooter =
  (locale: Locale, left = ''): ((currentPage: number, pageCount: number) => PdfContent) =>
  (currentPage, pageCount) => ({
    columns: [
      { text: left, fontSize: 8, color: '#666666' },
      { text: locale === 'es' ? `Página ${currentPage} de ${pageCount}` : `Page ${currentPage} of ${pageCount}`, alignment: 'right', fontSize: 8, color: '#666666' },
    ],
    margin: [40, 10, 40, 0],
  });
