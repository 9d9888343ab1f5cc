import type { Cell, WorkbookTables } from '../../core';

/** Small workbooks for tests, written as plain objects keyed by canonical header. */
export const FACTURAS_HEADER = [
  'Tipo',
  'Folio',
  'Fecha',
  'Vencimiento',
  'RUT',
  'Cliente',
  'Email',
  'Origen',
  'Ref. origen',
  'Neto',
  'Exento',
  'IVA',
  'Total',
  'Moneda',
  'Estado',
  'Ref. documento',
  'Notas',
];
export const PAGOS_HEADER = ['Fecha', 'Tipo', 'Folio', 'Monto', 'Medio', 'Referencia', 'Registrado por'];
export const DETALLE_HEADER = ['Tipo', 'Folio', 'Descripción', 'Cantidad', 'Precio unitario', 'Descuento %', 'Exento'];
export const CLIENTES_HEADER = ['RUT', 'Razón social', 'Tipo', 'Giro', 'Región', 'Comuna', 'Email', 'Teléfono', 'Etiquetas'];
export const HISTORIAL_HEADER = ['ID', 'Fecha y hora', 'Tipo', 'Folio', 'Estado anterior', 'Estado nuevo', 'Monto', 'Usuario', 'Canal'];

export interface DocumentRow {
  type?: number;
  number: number;
  date?: string;
  due?: string;
  rut?: string;
  customer?: string;
  origin?: string;
  originRef?: string;
  net?: number;
  exempt?: number;
  tax?: number;
  total?: number;
  state?: string;
  reference?: string;
}

export function documentRow(d: DocumentRow): Cell[] {
  const net = d.net ?? 100_000;
  const exempt = d.exempt ?? 0;
  const tax = d.tax ?? Math.round(net * 0.19);
  return [
    d.type ?? 33,
    d.number,
    d.date ?? '2026-10-01',
    d.due ?? '',
    d.rut ?? '76.086.428-5',
    d.customer ?? 'Acme Ltda',
    '',
    d.origin ?? 'Pedido',
    d.originRef ?? '',
    net,
    exempt,
    tax,
    d.total ?? net + exempt + tax,
    'CLP',
    d.state ?? 'Emitida',
    d.reference ?? '',
    '',
  ];
}

export function workbook(documents: readonly DocumentRow[], payments: readonly Cell[][] = [], extra: Partial<Record<string, Cell[][]>> = {}): WorkbookTables {
  return {
    Facturas: [FACTURAS_HEADER, ...documents.map(documentRow)],
    Detalle: [DETALLE_HEADER],
    Pagos: [PAGOS_HEADER, ...payments],
    Clientes: [CLIENTES_HEADER],
    Historial: [HISTORIAL_HEADER],
    ...extra,
  } as WorkbookTables;
}
