import type { DocumentKey, IsoDate, Minor } from '../model';

/** What a Gestiones row records; `recordatorio` rows are written by the reminder run only. */
export type CollectionAction = 'llamada' | 'correo' | 'nota' | 'promesa' | 'recordatorio';
export const COLLECTION_ACTIONS: readonly CollectionAction[] = ['llamada', 'correo', 'nota', 'promesa', 'recordatorio'];

/** One Gestiones [Collections] row: a call, email, note, promise to pay or reminder sent. */
export interface CollectionEntry {
  /** `G-00001`… */
  readonly id: string;
  /** The business day the entry is about. */
  readonly date: IsoDate;
  /** When it was written (ISO instant); empty when the cell is. */
  readonly timestamp: string;
  readonly customerTaxId: string;
  /** Null for an entry about the customer rather than one document. */
  readonly document: DocumentKey | null;
  readonly action: CollectionAction;
  /** Promises only. */
  readonly promisedDate: IsoDate | null;
  readonly promisedAmount: Minor | null;
  readonly note: string;
  readonly user: string;
  readonly channel: string;
  readonly row: number;
}

/** One step of the reminder schedule: days relative to the due date (negative: before it). */
export interface ReminderStep {
  readonly days: number;
  /** Empty: the default text of the face's language. */
  readonly subject: string;
  readonly message: string;
}

export type PromiseStatus = 'open' | 'broken' | 'kept';
export const PROMISE_STATUSES: readonly PromiseStatus[] = ['open', 'broken', 'kept'];
