import type { IsoDate, Minor, PaymentStatus } from '../model';

export interface PaymentPosition {
  readonly total: Minor;
  /** Payments dated on or before the as-of date. */
  readonly paid: Minor;
  /** Credit notes (61) minus debit notes (56) issued on or before the as-of date. */
  readonly adjustments: Minor;
  readonly dueDate: IsoDate;
  readonly void: boolean;
}

/** docs/workbook.md, payment status as of a date: void first; then balance decides paid; overdue beats partial once the due date has passed. */
export function paymentStatusAsOf(position: PaymentPosition, asOf: IsoDate): { status: PaymentStatus; balance: Minor } {
  const balance = position.total - position.paid - position.adjustments;
  if (position.void) return { status: 'anulada', balance: 0 };
  if (balance <= 0) return { status: 'pagada', balance };
  if (position.dueDate < asOf) return { status: 'vencida', balance };
  if (position.paid > 0) return { status: 'parcial', balance };
  return { status: 'pendiente', balance };
}
