export { CHILE } from './chile';
export { documentTypeRule, type TaxProfile, type DocumentTypeRule, type DocumentKind, type TaxIdCheck, type TaxIdProblem } from './taxProfile';
export { totalSign, adjustmentSign } from './totalSign';
export { parseRut, formatRut, rutCheckDigit, compactRut } from './rut';
