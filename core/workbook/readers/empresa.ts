import { issue } from '../../issues/issue';
import type { Issuer } from '../../model';
import { cellText } from '../cells';
import { COMPANY_TAB, findTabName, headerKey } from '../schema';
import type { ReadContext } from './readContext';

const ISSUER_FIELDS: Readonly<Record<string, keyof Issuer>> = {
  'razon social': 'name',
  'company name': 'name',
  rut: 'taxId',
  'tax id': 'taxId',
  giro: 'businessActivity',
  'business activity': 'businessActivity',
  direccion: 'address',
  address: 'address',
  email: 'email',
  telefono: 'phone',
  phone: 'phone',
};

/** Optional Empresa [Company] tab: one "field | value" pair per row, for the PDF header. */
export function readIssuer(context: ReadContext): Issuer | null {
  const sheetName = findTabName(COMPANY_TAB, Object.keys(context.tables));
  if (sheetName === undefined) return null;
  const issuer: Record<keyof Issuer, string> = { name: '', taxId: '', businessActivity: '', address: '', email: '', phone: '' };
  (context.tables[sheetName] ?? []).forEach((row, index) => {
    const field = ISSUER_FIELDS[headerKey(row[0])];
    if (field) issuer[field] = cellText(row[1]);
    if (field === 'taxId' && issuer.taxId !== '') {
      const parsed = context.profile.parseTaxId(issuer.taxId);
      if (parsed.ok) issuer.taxId = parsed.value;
      else context.issues.push(issue('invalidTaxId', { tab: 'empresa', row: index + 1, column: 'Valor' }, { value: issuer.taxId, problem: parsed.problem }));
    }
  });
  return issuer.name === '' ? null : issuer;
}
