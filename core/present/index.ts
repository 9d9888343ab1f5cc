// What people read, the same in every face: labels, quantities, money and instants.
export { formatInstant } from './formatInstant';
export { formatQuantity, formatDiscount, formatCount } from './formatQuantity';
export { paymentStatusLabel, historyStatusLabel } from './statusLabels';
export { formatMoney } from '../money/formatMoney';
export { formatDateCl } from '../dates/isoDate';
export { echoInput, ECHO_LIMIT } from './echoInput';
