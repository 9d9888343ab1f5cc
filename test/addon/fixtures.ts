import { type WorkbookTables, TABS, canonicalHeaders } from '../../core';
import { DEMO_CUSTOMERS } from '../../core/demo';

const [aromos, sur] = DEMO_CUSTOMERS;

/**
 * A small workbook as an accountant keeps it: dates typed as text, the derived columns present,
 * a column of their own (Comentario interno) between ours, and two invoices, one partly paid.
 */
export function smallWorkbook(): WorkbookTables {
  const facturas = [...canonicalHeaders('facturas').slice(0, 6), 'Comentario interno', ...canonicalHeaders('facturas').slice(6)];
  const row = (values: (string | number)[]) => [...values.slice(0, 6), 'no tocar', ...values.slice(6)];
  return {
    [TABS.facturas.name]: [
      facturas,
      row([33, 1001, '2026-10-01', '2026-10-31', aromos!.taxId, aromos!.name, aromos!.email, 'Pedido', '4101', 250000, 0, 47500, 297500, 'CLP', 'Emitida', '', '', 0, 297500, 'pendiente']),
      row([33, 1002, '2026-09-01', '2026-09-30', sur!.taxId, sur!.name, sur!.email, 'Nota de entrega', '8201', 100000, 0, 19000, 119000, 'CLP', 'Emitida', '', '', 50000, 69000, 'vencida']),
    ],
    [TABS.detalle.name]: [canonicalHeaders('detalle'), [33, 1001, 'Martillo carpintero', 10, 25000, '', 'no']],
    [TABS.pagos.name]: [canonicalHeaders('pagos'), ['2026-09-15', 33, 1002, 50000, 'Transferencia', 'TX-1', 'ana@example.cl']],
    [TABS.clientes.name]: [canonicalHeaders('clientes'), [aromos!.taxId, aromos!.name, 'Empresa', '', '', '', aromos!.email, '', 'retail']],
    [TABS.historial.name]: [canonicalHeaders('historial')],
  };
}

/** Today for the fixture's clock: 15 October 2026, mid-morning in Santiago. */
export const FIXTURE_NOW = new Date('2026-10-15T13:00:00.000Z');
