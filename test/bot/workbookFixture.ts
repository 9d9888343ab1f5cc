import { formatRut, rutCheckDigit } from '../../core/index';
import { dateToSerial } from '../../core/node/sheetsStore';
import type { FakeCell } from '../fakes/sheetsApi';
import { FACTURAS_HEADER } from '../support/tables';

const rut = (body: string): string => formatRut(body, rutCheckDigit(body));

export const ACME = { name: 'Acme Ltda', taxId: rut('76086428') };
export const PENALOLEN = { name: 'Servicios Peñalolén SpA', taxId: rut('77123456') };
export const BETA = { name: 'Beta Comercial S.A.', taxId: rut('96555444') };
export const GAMMA = { name: 'Gamma Distribución Ltda', taxId: rut('78999111') };

/** 15-10-2026 at noon in Santiago (UTC-3 then): the tests' "now". */
export const NOW = new Date('2026-10-15T15:00:00.000Z');
export const GAMMA_DOCUMENTS = 25;

// The sheet as the add-on lays it out: the derived columns after the ones people type.
const FACTURAS_SHEET_HEADER = [...FACTURAS_HEADER, 'Pagado', 'Saldo', 'Estado de pago'];

const invoice = (number: number, customer: { name: string; taxId: string }, issued: string, due: string, net: number): FakeCell[] => {
  const tax = Math.round(net * 0.19);
  return [
    33,
    number,
    dateToSerial(issued),
    dateToSerial(due),
    customer.taxId,
    customer.name,
    'pagos@example.cl',
    'Pedido',
    `OV-${number}`,
    net,
    0,
    tax,
    net + tax,
    'CLP',
    'Emitida',
    '',
    '',
    null,
    null,
    null,
  ];
};

/**
 * A small workbook as the Sheets API returns it with UNFORMATTED_VALUE and SERIAL_NUMBER:
 * 33-1001 overdue (Acme), 33-1002 pending (Acme), 33-1003 partly paid and overdue (Peñalolén),
 * 33-1004 paid (Beta), and 25 pending Gamma invoices for paging.
 */
export function workbookFixture(): Record<string, FakeCell[][]> {
  const facturas: FakeCell[][] = [
    FACTURAS_SHEET_HEADER,
    invoice(1001, ACME, '2026-08-01', '2026-08-31', 1_000_000),
    invoice(1002, ACME, '2026-10-01', '2026-10-31', 500_000),
    invoice(1003, PENALOLEN, '2026-09-01', '2026-09-30', 200_000),
    invoice(1004, BETA, '2026-09-10', '2026-10-10', 100_000),
  ];
  for (let i = 1; i <= GAMMA_DOCUMENTS; i++) facturas.push(invoice(2000 + i, GAMMA, '2026-10-02', '2026-11-30', 10_000 * i));
  return {
    Facturas: facturas,
    Detalle: [
      ['Tipo', 'Folio', 'Descripción', 'Cantidad', 'Precio unitario', 'Descuento %', 'Exento'],
      [33, 1001, 'Servicio de mantención anual', 1, 1_000_000, 0, 'no'],
    ],
    Pagos: [
      ['Fecha', 'Tipo', 'Folio', 'Monto', 'Medio', 'Referencia', 'Registrado por'],
      [dateToSerial('2026-09-15'), 33, 1003, 100_000, 'Transferencia', 'TRX-1', 'ana'],
      [dateToSerial('2026-10-05'), 33, 1004, 119_000, 'Cheque', 'CH-77', 'ana'],
    ],
    Clientes: [
      ['RUT', 'Razón social', 'Tipo', 'Giro', 'Región', 'Comuna', 'Email', 'Teléfono', 'Etiquetas'],
      [ACME.taxId, ACME.name, 'Empresa', 'Comercio', 'RM', 'Santiago', 'pagos@acme.cl', '', 'retail'],
      [PENALOLEN.taxId, PENALOLEN.name, 'Empresa', 'Servicios', 'RM', 'Peñalolén', '', '', ''],
    ],
    Historial: [
      ['ID', 'Fecha y hora', 'Tipo', 'Folio', 'Estado anterior', 'Estado nuevo', 'Monto', 'Usuario', 'Canal'],
      ['h-1', dateToSerial('2026-09-15') + 0.5, 33, 1003, 'pendiente', 'parcial', 100_000, 'ana', 'sidebar'],
      ['h-2', dateToSerial('2026-10-05') + 0.5, 33, 1004, 'pendiente', 'pagada', 119_000, 'ana', 'cli'],
    ],
  };
}
