import type { InvoiceView } from '../model';

/**
 * Whether a face should offer "record payment": an invoice-kind document, not void, with something
 * owed. recordPayment enforces the same and more (amount, date, changes since shown).
 */
export const takesPayments = (view: Pick<InvoiceView, 'kind' | 'paymentStatus' | 'balance'>): boolean => view.kind === 'invoice' && view.paymentStatus !== 'anulada' && view.balance > 0;
