import { ACME, BETA, type InvoiceRow, type PaymentRow, type GestionRow } from './collectionsFixture';

/**
 * Acme Ltda from August to November 2026, with every kind of movement: two invoices, a credit
 * note, a debit note, payments, a void invoice with a payment on it, an invoice after the
 * statement period, and another customer's invoice.
 */
export const STATEMENT_INVOICES: readonly InvoiceRow[] = [
  [33, 10, '2026-08-10', '2026-09-09', ACME, 'Acme Ltda', 119000],
  [33, 11, '2026-09-05', '2026-10-05', ACME, 'Acme Ltda', 238000],
  [61, 50, '2026-09-20', '2026-09-20', ACME, 'Acme Ltda', 23800, 'Emitida', '33-11'],
  [33, 12, '2026-10-03', '2026-11-02', ACME, 'Acme Ltda', 59500, 'Anulada'],
  [56, 70, '2026-10-08', '2026-10-08', ACME, 'Acme Ltda', 11900, 'Emitida', '33-10'],
  [33, 13, '2026-10-12', '2026-11-11', ACME, 'Acme Ltda', 35700],
  [33, 14, '2026-11-02', '2026-12-02', ACME, 'Acme Ltda', 11900],
  [33, 20, '2026-09-15', '2026-10-15', BETA, 'Beta SpA', 47600],
];

export const STATEMENT_PAYMENTS: readonly PaymentRow[] = [
  ['2026-08-30', 33, 10, 50000],
  ['2026-09-25', 33, 11, 100000],
  ['2026-10-05', 33, 12, 10000],
  ['2026-10-10', 33, 10, 80900],
  ['2026-11-05', 33, 13, 35700],
];

export const STATEMENT_GESTIONES: readonly GestionRow[] = [
  ['G-00001', '2026-08-20', ACME, 33, 10, 'llamada', '', '', 'antes del período'],
  ['G-00002', '2026-10-06', ACME, 33, 11, 'llamada', '', '', 'pagará la próxima semana'],
  ['G-00003', '2026-10-07', ACME, '', '', 'nota', '', '', 'cambió el contacto de pagos'],
  ['G-00004', '2026-10-07', BETA, 33, 20, 'nota', '', '', 'otro cliente'],
];
