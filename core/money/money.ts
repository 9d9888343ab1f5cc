import { assert } from '../assert';
import { ASSERTION_MESSAGES } from '../assertionMessages';

export interface Money {
  readonly amount: number;
  readonly currency: string;
  readonly scale: number;
}

/** Minor-unit scale of the currencies a workbook may hold (ISO 4217); the Moneda column accepts only these. */
const SCALES: Readonly<Record<string, number>> = { CLP: 0, CLF: 4, USD: 2, EUR: 2, PEN: 2, ARS: 2, COP: 2, MXN: 2, UYU: 2, BRL: 2 };

export const KNOWN_CURRENCIES: readonly string[] = Object.keys(SCALES);

export const currencyScale = (currency: string): number => SCALES[currency] ?? 2;

export function money(amount: number, currency: string): Money {
  assert(Number.isInteger(amount), ASSERTION_MESSAGES.notInteger);
  return { amount, currency, scale: currencyScale(currency) };
}
