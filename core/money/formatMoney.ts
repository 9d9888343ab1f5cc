import { currencyScale } from './money';

const groupThousands = (digits: string, separator: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/**
 * The Chilean way, whatever the UI language: `$297.500`, `-$1.000`, `US$12,50`.
 * Hand-written because Intl's es-CL output differs between V8 builds (Apps Script, Node, Chromium).
 */
export function formatMoney(amount: number, currency = 'CLP'): string {
  const scale = currencyScale(currency);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const units = Math.floor(abs / 10 ** scale);
  const cents = scale > 0 ? ',' + String(abs % 10 ** scale).padStart(scale, '0') : '';
  const symbol = currency === 'CLP' ? '$' : currency === 'USD' ? 'US$' : `${currency} `;
  return `${sign}${symbol}${groupThousands(String(units), '.')}${cents}`;
}

/** Amount in major units with a decimal comma, for CSV in Spanish locales: `1234,50`. */
export function formatMinorPlain(amount: number, currency = 'CLP'): string {
  const scale = currencyScale(currency);
  if (scale === 0) return String(amount);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 10 ** scale)},${String(abs % 10 ** scale).padStart(scale, '0')}`;
}
