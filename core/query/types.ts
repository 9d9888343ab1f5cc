import type { InvoiceView, Minor, Origin, PaymentStatus } from '../model';
import type { PromiseStatus } from '../collections/types';

export type SortField = 'fecha' | 'vencimiento' | 'folio' | 'tipo' | 'cliente' | 'total' | 'saldo' | 'estado' | 'dias';

export interface SortKey {
  readonly field: SortField;
  readonly descending: boolean;
}

export type Comparison = '>' | '>=' | '<' | '<=' | '=';

export type Filter =
  | { readonly kind: 'status'; readonly statuses: readonly PaymentStatus[] }
  /** Folded text that must appear in the customer name. */
  | { readonly kind: 'customer'; readonly text: string }
  /** Digits and check digit, folded (`123456785`, `7654321k`). */
  | { readonly kind: 'taxId'; readonly compact: string }
  | { readonly kind: 'from'; readonly date: string }
  | { readonly kind: 'to'; readonly date: string }
  | { readonly kind: 'origin'; readonly origins: readonly Origin[] }
  | { readonly kind: 'type'; readonly types: readonly number[] }
  /** `value` is in major units as written (`monto>1.000.000`); each document compares it in its own currency's scale. */
  | { readonly kind: 'amount'; readonly field: 'total' | 'balance'; readonly op: Comparison; readonly value: number }
  /** Folded; equals one of the customer's folded tags. */
  | { readonly kind: 'tag'; readonly tag: string }
  /** The status of the document's latest promise to pay (Gestiones). */
  | { readonly kind: 'promise'; readonly statuses: readonly PromiseStatus[] };

export interface Query {
  /** Free words, already case- and accent-folded; each must match folio, customer or RUT. */
  readonly words: readonly string[];
  readonly filters: readonly Filter[];
  /** Empty means the default order: newest issue date first, then type and folio. */
  readonly sort: readonly SortKey[];
}

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
}

export interface CurrencyTotals {
  readonly currency: string;
  /** Every matching document in this currency, void ones included. */
  readonly count: number;
  /** Sum of Total over the matches that are not void. */
  readonly total: Minor;
  /** Sum of balances (void documents and notes carry none). */
  readonly balance: Minor;
}

export interface QueryPage {
  readonly items: readonly InvoiceView[];
  /** How many documents match in all (not just this page). */
  readonly matched: number;
  readonly offset: number;
  readonly limit: number;
  /** Totals of every match, per currency, in currency-code order. */
  readonly totals: readonly CurrencyTotals[];
}
