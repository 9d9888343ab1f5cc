import { type Result, fail, issue, ok } from '../issues/issue';
import type { Minor } from '../model';
import { formatMinorPlain } from './formatMoney';
import { currencyScale } from './money';

/** Symbols and codes a person may write next to an amount, by the currency they mean. */
const MARKS: readonly (readonly [RegExp, string])[] = [
  [/US\$|USD|U\$S/i, 'USD'],
  [/€|EUR/i, 'EUR'],
  [/CLP|\$/i, 'CLP'],
  [/UF|CLF/i, 'CLF'],
];

const GROUPED = /^\d{1,3}(\.\d{3})+$/;
const DIGITS = /^\d+$/;

/**
 * An amount a person typed in a form or an option, in major units of the document's currency,
 * read one way only (the Chilean one): dots group thousands, a comma starts the decimals.
 * `12.50` on a dollar document is also a decimal (no thousands group has two digits). Anything
 * that could mean two amounts (`1,000`, `100.50` on pesos, `1,234.50`) or another currency
 * (`US$5` on pesos) is refused, naming what to write instead.
 */
export function parseTypedAmount(text: string, currency: string, field = 'amount'): Result<Minor> {
  const path = { field };
  const scale = currencyScale(currency);
  let body = text.trim();
  if (body === '') return fail(issue('required', path, { value: '' }));
  for (const [mark, markCurrency] of MARKS) {
    if (!mark.test(body)) continue;
    if (markCurrency !== currency) return fail(issue('currencyMismatch', path, { value: text, written: markCurrency, currency }));
    body = body.replace(mark, '').trim();
    break;
  }
  const negative = body.startsWith('-');
  if (negative) body = body.slice(1).trim();
  const [whole = '', decimals = '', ...rest] = body.split(',');
  const ambiguous = () => fail<Minor>(issue('ambiguousAmount', path, { value: text, currency }));
  if (rest.length > 0) return ambiguous();
  let units: string;
  let cents = decimals;
  if (body.includes(',')) {
    // `1,000`: a thousands comma elsewhere; `1,5` on pesos: decimals pesos do not have.
    if (scale === 0 || !/^\d+$/.test(decimals) || decimals.length > scale) return ambiguous();
    if (!(DIGITS.test(whole) || GROUPED.test(whole))) return ambiguous();
    units = whole.replace(/\./g, '');
  } else if (DIGITS.test(whole) || GROUPED.test(whole)) {
    units = whole.replace(/\./g, '');
  } else if (scale > 0 && /^\d+\.\d{1,2}$/.test(whole)) {
    [units = '', cents = ''] = whole.split('.');
  } else if (/^[\d.,]+$/.test(body)) {
    return ambiguous();
  } else {
    return fail(issue('invalidNumber', path, { value: text }));
  }
  const minor = Number(units) * 10 ** scale + Number(cents.padEnd(scale, '0') || '0');
  if (!Number.isSafeInteger(minor)) return fail(issue('amountTooLarge', path, { value: text }));
  return ok(negative ? -minor : minor);
}

/**
 * What a payment form suggests: the balance in major units of its currency, written so that
 * parseTypedAmount reads it back to the same amount (`297500` pesos, `12,50` dollars).
 */
export const suggestedAmount = (amount: Minor, currency: string): string => formatMinorPlain(amount, currency);
