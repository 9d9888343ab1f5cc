import { currencyScale } from './money';

/**
 * What a person types in an amount cell: pesos, or dollars with cents (12.5), never minor units.
 * Cells written by the tools must read back through parseAmountCell to the same minor amount.
 */
export const toMajorUnits = (amount: number, currency: string): number => {
  const scale = currencyScale(currency);
  return scale === 0 ? amount : amount / 10 ** scale;
};
