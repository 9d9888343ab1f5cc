import { CHILE, readWorkbook, type Book, type Cell } from '../../core';

import { FACTURAS_HEADER as FACTURAS, PAGOS_HEADER as PAGOS } from '../support/tables';

export type DocRow = readonly [
  type: number,
  number: number,
  issueDate: string,
  dueDate: string,
  rut: string,
  customer: string,
  net: number,
  exempt: number,
  tax: number,
  total: number,
  state: 'Emitida' | 'Anulada',
  reference: string,
];
export type PaymentRow = readonly [date: string, type: number, number: number, amount: number];

/** A Book read through the real workbook reader from sheet-like rows; fails the test on any row issue. */
export function bookFrom(docs: readonly DocRow[], payments: readonly PaymentRow[] = [], extra: { detalle?: Cell[][]; clientes?: Cell[][] } = {}): Book {
  const read = readWorkbook(
    {
      Facturas: [
        FACTURAS,
        ...docs.map(([type, number, issueDate, dueDate, rut, customer, net, exempt, tax, total, state, reference]) => [
          type,
          number,
          issueDate,
          dueDate,
          rut,
          customer,
          '',
          'Pedido',
          `PV-${number}`,
          net,
          exempt,
          tax,
          total,
          'CLP',
          state,
          reference,
          '',
        ]),
      ],
      Pagos: [PAGOS, ...payments.map(([date, type, number, amount]) => [date, type, number, amount, 'Transferencia', `TX-${type}-${number}`, 'ana'])],
      Detalle: [['Tipo', 'Folio', 'Descripción', 'Cantidad', 'Precio unitario', 'Descuento %', 'Exento'], ...(extra.detalle ?? [])],
      Clientes: [['RUT', 'Razón social', 'Tipo', 'Giro', 'Región', 'Comuna', 'Email', 'Teléfono', 'Etiquetas'], ...(extra.clientes ?? [])],
      Historial: [['ID', 'Fecha y hora', 'Tipo', 'Folio', 'Estado anterior', 'Estado nuevo']],
    },
    { profile: CHILE, timeZone: 'UTC' },
  );
  if (read.issues.length > 0) throw new Error(`fixture rows have issues: ${JSON.stringify(read.issues)}`);
  return read.book;
}

export const ACME = '76.086.428-5';
export const PENALOLEN = '12.531.909-2';
export const BETA = '96.500.300-2';
export const PERSONA = '9.123.456-4';

/**
 * Receivables as of 2026-12-31. Customer Acme owes one invoice per ageing boundary
 * (0, 1, 30, 31, 60, 61, 90 and 91 days past due); Beta has a partly paid invoice not yet
 * due, an overdue one reduced by a credit note, a paid one, a void one and one issued after
 * the report date.
 */
export const AGING_AS_OF = '2026-12-31';
export const agingBook = (): Book =>
  bookFrom(
    [
      [33, 1, '2026-09-01', '2026-12-31', ACME, 'Acme Ltda', 1000, 0, 190, 1190, 'Emitida', ''],
      [33, 2, '2026-09-01', '2026-12-30', ACME, 'Acme Ltda', 2000, 0, 380, 2380, 'Emitida', ''],
      [33, 3, '2026-09-01', '2026-12-01', ACME, 'Acme Ltda', 3000, 0, 570, 3570, 'Emitida', ''],
      [33, 4, '2026-09-01', '2026-11-30', ACME, 'Acme Ltda', 4000, 0, 760, 4760, 'Emitida', ''],
      [33, 5, '2026-09-01', '2026-11-01', ACME, 'Acme Ltda', 5000, 0, 950, 5950, 'Emitida', ''],
      [33, 6, '2026-09-01', '2026-10-31', '76086428-5', 'Acme Ltda', 6000, 0, 1140, 7140, 'Emitida', ''],
      [33, 7, '2026-09-01', '2026-10-02', ACME, 'Acme Ltda', 7000, 0, 1330, 8330, 'Emitida', ''],
      [33, 8, '2026-09-01', '2026-10-01', ACME, 'Acme Ltda', 8000, 0, 1520, 9520, 'Emitida', ''],
      [33, 2001, '2026-12-01', '2027-01-15', BETA, 'Beta SpA', 100000, 0, 19000, 119000, 'Emitida', ''],
      [33, 2002, '2026-10-15', '2026-11-15', BETA, 'Beta SpA', 50000, 0, 9500, 59500, 'Emitida', ''],
      [61, 601, '2026-11-20', '2026-11-20', BETA, 'Beta SpA', 10000, 0, 1900, 11900, 'Emitida', '33-2002'],
      [33, 2003, '2026-09-01', '2026-10-01', BETA, 'Beta SpA', 10000, 0, 1900, 11900, 'Emitida', ''],
      [33, 2004, '2026-09-01', '2026-10-01', BETA, 'Beta SpA', 10000, 0, 1900, 11900, 'Anulada', ''],
      [33, 2005, '2027-01-05', '2027-02-05', BETA, 'Beta SpA', 10000, 0, 1900, 11900, 'Emitida', ''],
    ],
    [
      ['2026-12-10', 33, 2001, 19000],
      ['2026-10-01', 33, 2003, 11900],
    ],
  );
