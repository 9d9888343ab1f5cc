import type { TaxProfile } from './taxProfile';
import { compactRut, parseRut } from './rut';

/** IVA 19%, rounded half up on the document's taxable net (SII). */
const VAT_BASIS_POINTS = 1900;

export const CHILE: TaxProfile = {
  country: 'CL',
  defaultCurrency: 'CLP',
  taxIdName: 'RUT',
  vatRateLabel: '19%',
  documentTypes: [
    { code: 33, kind: 'invoice', exemptOnly: false, name: { es: 'Factura electrónica', en: 'Electronic invoice' }, shortName: { es: 'Factura', en: 'Invoice' } },
    { code: 34, kind: 'invoice', exemptOnly: true, name: { es: 'Factura exenta electrónica', en: 'Exempt electronic invoice' }, shortName: { es: 'Factura exenta', en: 'Exempt invoice' } },
    { code: 39, kind: 'invoice', exemptOnly: false, name: { es: 'Boleta electrónica', en: 'Electronic receipt' }, shortName: { es: 'Boleta', en: 'Receipt' } },
    { code: 56, kind: 'debit-note', exemptOnly: false, name: { es: 'Nota de débito electrónica', en: 'Electronic debit note' }, shortName: { es: 'Nota de débito', en: 'Debit note' } },
    { code: 61, kind: 'credit-note', exemptOnly: false, name: { es: 'Nota de crédito electrónica', en: 'Electronic credit note' }, shortName: { es: 'Nota de crédito', en: 'Credit note' } },
  ],
  vatOn: (net) => Math.sign(net) * Math.floor((Math.abs(net) * VAT_BASIS_POINTS) / 10000 + 0.5),
  parseTaxId: parseRut,
  compactTaxId: compactRut,
};
