import type { CollectionEntry, ReminderStep } from './collections/types';

/** Plain dates are ISO strings `YYYY-MM-DD`; money is integer minor units of the document's currency. */
export type IsoDate = string;
/** Integer amount in minor units (CLP has none, so pesos). */
export type Minor = number;

export type Origin = 'pedido' | 'nota-entrega' | 'directa';
export const ORIGINS: readonly Origin[] = ['pedido', 'nota-entrega', 'directa'];

export type DocumentState = 'emitida' | 'anulada';

export type PaymentStatus = 'pendiente' | 'parcial' | 'pagada' | 'vencida' | 'anulada';
export const PAYMENT_STATUSES: readonly PaymentStatus[] = ['pendiente', 'parcial', 'vencida', 'pagada', 'anulada'];

/** `programado`: the add-on's daily reminder trigger, which no person starts. */
export type Channel = 'sidebar' | 'slack' | 'cli' | 'edicion-manual' | 'programado';

/** Key of a document: SII type code and folio, written `33-1023`. */
export interface DocumentKey {
  readonly type: number;
  readonly number: number;
}

export interface InvoiceDocument extends DocumentKey {
  readonly issueDate: IsoDate;
  /** Null when the sheet leaves it empty: due on issue. */
  readonly dueDate: IsoDate | null;
  readonly customerTaxId: string;
  readonly customerName: string;
  readonly email: string;
  readonly origin: Origin;
  readonly originRef: string;
  readonly net: Minor;
  readonly exempt: Minor;
  readonly tax: Minor;
  /** Additional taxes (ILA and others) on top of IVA: Total = Neto + Exento + IVA + Otros impuestos. */
  readonly otherTaxes: Minor;
  readonly total: Minor;
  readonly currency: string;
  readonly state: DocumentState;
  /** For notes (56, 61): the document they amend. */
  readonly reference: DocumentKey | null;
  readonly notes: string;
  /** 1-based sheet row this document was read from. */
  readonly row: number;
}

export interface InvoiceLine extends DocumentKey {
  readonly description: string;
  /** Quantity in thousandths, so 1.5 units is 1500. */
  readonly quantityMilli: number;
  readonly unitPrice: Minor;
  /** Discount in basis points (12.5% is 1250). */
  readonly discountBasisPoints: number;
  readonly exempt: boolean;
  readonly row: number;
}

export interface Payment extends DocumentKey {
  readonly date: IsoDate;
  readonly amount: Minor;
  readonly method: string;
  readonly reference: string;
  readonly recordedBy: string;
  readonly row: number;
}

export type CustomerKind = 'empresa' | 'persona';

export interface Customer {
  readonly taxId: string;
  readonly name: string;
  readonly kind: CustomerKind | null;
  readonly businessActivity: string;
  readonly region: string;
  readonly commune: string;
  readonly email: string;
  readonly phone: string;
  readonly tags: readonly string[];
  /** False when the Clientes row says `Recordatorios: no`; absent or true, reminders go out. */
  readonly reminders?: boolean;
  readonly row: number;
}

export interface HistoryEntry extends DocumentKey {
  readonly id: string;
  /** ISO instant, e.g. 2026-10-15T13:45:00.000Z */
  readonly timestamp: string;
  readonly previousStatus: string;
  readonly newStatus: string;
  readonly amount: Minor | null;
  readonly user: string;
  readonly channel: string;
  readonly row: number;
}

/** The company that issues the documents, from the optional Empresa tab. */
export interface Issuer {
  readonly name: string;
  readonly taxId: string;
  readonly businessActivity: string;
  readonly address: string;
  readonly email: string;
  readonly phone: string;
}

/** Everything read from the workbook that could be read. */
export interface Book {
  readonly issuer: Issuer | null;
  readonly documents: readonly InvoiceDocument[];
  readonly lines: readonly InvoiceLine[];
  readonly payments: readonly Payment[];
  readonly customers: readonly Customer[];
  readonly history: readonly HistoryEntry[];
  /** Gestiones rows; absent in workbooks made before that tab. */
  readonly collections?: readonly CollectionEntry[];
  /** The Recordatorios schedule when that optional tab has rows; absent means the default one. */
  readonly reminderSteps?: readonly ReminderStep[];
}

/** A document as the faces show it: its payment position as of a date. */
export interface InvoiceView extends InvoiceDocument {
  /** From the tax profile: a credit note subtracts wherever documents are added up. */
  readonly kind: 'invoice' | 'debit-note' | 'credit-note';
  readonly paid: Minor;
  /** Credit notes (61) minus debit notes (56) applied to this document. */
  readonly adjustments: Minor;
  readonly balance: Minor;
  readonly paymentStatus: PaymentStatus;
  /** Days past the due date as of the report date; 0 or less when not yet due. */
  readonly daysOverdue: number;
  readonly customerTags: readonly string[];
  /** Accent- and case-folded folio, customer name and RUT digits, for search. */
  readonly searchText: string;
}

export const documentKey = (key: DocumentKey): string => `${key.type}-${key.number}`;
