/** Minor-unit scale of the currencies a workbook may hold (ISO 4217); the Moneda column accepts only these. */
const SCALES: Readonly<Record<string, number>> = { CLP: 0, CLF: 4, USD: 2, EUR: 2, PEN: 2, ARS: 2, COP: 2, MXN: 2, UYU: 2, BRL: 2 };

export const KNOWN_CURRENCIES: readonly string[] = Object.keys(SCALES);

/**
 * Amounts are plain integers of minor units carried next to their document's currency
 * (InvoiceView.currency); reports add only one currency and leave the others out, so no
 * two-currency sum can happen. This gives the scale people's typing and cells are read in.
 */
export const currencyScale = (currency: string): number => SCALES[currency] ?? 2;
