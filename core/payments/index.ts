export { findDocument } from './findDocument';
export { takesPayments } from './takesPayments';
export { recordPayment, type PaymentRequest, type PaymentOutcome } from './recordPayment';
export { voidDocument, type VoidRequest } from './voidDocument';
export { nextHistoryId } from './nextHistoryId';
export { historyAppend, CHANNEL_LABELS, type HistoryInput } from './historyAppend';
export { derivedCellUpdates } from './derivedCellUpdates';
export { refreshDerivedCells } from './refreshDerivedCells';
export { planManualStateEdit, type ManualStateEdit } from './manualStateEdit';
