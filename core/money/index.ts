export { currencyScale, KNOWN_CURRENCIES } from './money';
export { formatMoney, formatMinorPlain } from './formatMoney';
export { toMajorUnits } from './toMajorUnits';
export { parseTypedAmount, suggestedAmount } from './parseTypedAmount';
