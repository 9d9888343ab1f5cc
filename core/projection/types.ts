import type { Customer, InvoiceDocument, IsoDate, Minor } from '../model';

/** Bumped whenever the layout below changes, so an old sidebar never misreads a new server's answer. */
export const PROJECTION_FORMAT = 1;

/** One packed integer column per field, each `count` long (see packIntegers). */
export const PROJECTION_COLUMNS = ['kind', 'number', 'issueDate', 'dueDate', 'party', 'net', 'exempt', 'tax', 'total', 'referenceType', 'referenceNumber', 'paid', 'row'] as const;
export type ProjectionColumn = (typeof PROJECTION_COLUMNS)[number];

/** Type code, currency (string index), origin (index in ORIGINS) and 1 when void: few distinct tuples per book. */
export type ProjectionKind = readonly [type: number, currency: number, origin: number, isVoid: number];

/**
 * What the sidebar's list, filters, totals and reports need of every document, in a form whose
 * size grows by a few bytes per document: repeated texts (customer names, RUTs, currencies, tags)
 * once in `strings`, referenced by index; numbers as deltas where neighbours are alike (folios,
 * dates, rows) or as the difference from what core's rules predict (IVA from Neto, Total from its
 * parts), packed as base64 digits. Email, Ref. origen and Notas are left out: they arrive with the
 * document when it is opened (DocumentDetail).
 */
export interface SidebarProjection {
  readonly format: typeof PROJECTION_FORMAT;
  /** Paid amounts are as of this date: the payments dated on or before it. */
  readonly asOf: IsoDate;
  readonly count: number;
  readonly strings: readonly string[];
  readonly kinds: readonly ProjectionKind[];
  /** Flat pairs: customer name and RUT as the Facturas row has them, as string indexes. */
  readonly parties: readonly number[];
  /** Clientes rows with tags: RUT, name, then each tag, as string indexes. */
  readonly taggedCustomers: readonly (readonly number[])[];
  readonly columns: { readonly [C in ProjectionColumn]: string };
}

/**
 * A projection read back: the documents (Email, Ref. origen and Notas empty until opened), what was
 * paid on each as of `asOf` (0 on notes: their payments count on the document they amend, as in
 * the ledger), and the customers' tags.
 */
export interface ProjectedBook {
  readonly asOf: IsoDate;
  readonly documents: readonly InvoiceDocument[];
  readonly paid: readonly Minor[];
  readonly customers: readonly Customer[];
}
