import type { Locale } from '../i18n/locale';
import type { TaxProfile } from '../tax/taxProfile';
import type { LibroDeVentas } from '../reports/libroDeVentas';
import { libroDeVentasTable } from '../reports/libroDeVentasTable';
import type { DocDefinition } from './docDefinition';
import { reportDocDefinition } from './reportDocDefinition';

export const libroDeVentasDocDefinition = (libro: LibroDeVentas, locale: Locale, profile: TaxProfile): DocDefinition => reportDocDefinition(libroDeVentasTable(libro, locale, profile));
