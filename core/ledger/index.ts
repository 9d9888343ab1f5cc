export { buildLedger, type Ledger } from './buildLedger';
export { paymentStatusAsOf, type PaymentPosition } from './paymentStatusAsOf';
