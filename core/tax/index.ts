export { CHILE } from './chile';
export { documentTypeRule, type TaxProfile, type DocumentTypeRule, type DocumentKind, type TaxIdCheck } from './taxProfile';
export { parseRut, formatRut, rutCheckDigit, compactRut } from './rut';
