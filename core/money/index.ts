export { money, currencyScale, type Money } from './money';
export { add } from './add';
export { subtract } from './subtract';
export { allocate } from './allocate';
export { formatMoney, formatMinorPlain } from './formatMoney';
export { toMajorUnits } from './toMajorUnits';
export { parseTypedAmount, suggestedAmount } from './parseTypedAmount';
