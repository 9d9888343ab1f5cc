import type { DocumentKind } from './taxProfile';

/**
 * The one credit-note rule: wherever documents are added up (a search's running total, the
 * Libro de Ventas), a credit note subtracts and every other kind adds. A note's effect on the
 * balance of the document it amends is the opposite: a credit lowers what is owed.
 */
export const totalSign = (kind: DocumentKind): 1 | -1 => (kind === 'credit-note' ? -1 : 1);

/** What a note moves the balance of the document it amends down by, per unit of its total; 0 for an invoice. */
export const adjustmentSign = (kind: DocumentKind): -1 | 0 | 1 => (kind === 'invoice' ? 0 : (-totalSign(kind) as -1 | 1));
