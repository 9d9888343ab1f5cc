import { CHILE, type Cell, INVOICE_COLUMNS, type IsoDate, TABS, type WorkbookTables, addDays, canonicalHeaders } from '../../core';
import { DEMO_CUSTOMERS, seededRandom, utcDate } from '../../core/demo';

export interface GenerateOptions {
  readonly count: number;
  readonly today: IsoDate;
  readonly seed?: number;
}

const ORIGIN_TEXT = ['Pedido', 'Nota de entrega', 'Directa'] as const;

/**
 * `count` documents as rows of the Facturas tab (header first, the canonical columns without the
 * derived ones), shaped as Apps Script's getValues returns them: numbers for amounts and
 * Date objects at UTC midnight for dates (read them with `timeZone: 'UTC'`; one Date per
 * calendar day is shared between rows). Cheap enough for a million rows in benchmarks:
 * mostly invoices (33), some exempt invoices (34), receipts (39) and credit notes (61)
 * amending an earlier invoice, issued over the year up to `today`. Every row is readable.
 * The benchmarks now use the richer benchWorkbook.ts; tests that need many plain rows use this.
 */
export function generateDocuments(options: GenerateOptions): Cell[][] {
  const random = seededRandom(options.seed ?? 7);
  const days: Date[] = [];
  for (let d = 0; d < 365 + 60; d++) {
    const iso = addDays(options.today, d - 364);
    days.push(utcDate(iso));
  }
  const rows: Cell[][] = [INVOICE_COLUMNS.map((c) => c.header)];
  const folios: Record<number, number> = { 33: 0, 34: 0, 39: 0, 61: 0 };
  // A credit note takes back a tenth of the invoice it amends, never more than that invoice.
  const invoiceNets: number[] = [];
  const count = options.count;
  for (let i = 0; i < count; i++) {
    // Issue dates rise with the row, as a real sheet grows.
    const day = Math.min(364, Math.floor((i * 365) / Math.max(1, count)));
    const roll = random.next();
    let type = roll < 0.86 ? 33 : roll < 0.91 ? 34 : roll < 0.97 ? 39 : 61;
    if (type === 61 && folios[33] === 0) type = 33;
    const customer = DEMO_CUSTOMERS[random.int(0, DEMO_CUSTOMERS.length - 1)]!;
    const base = random.int(1, 4000) * 1000;
    const amended = type === 61 ? random.int(1, folios[33]!) : 0;
    const net = type === 34 ? 0 : type === 61 ? Math.round(invoiceNets[amended - 1]! / 10) : base;
    const exempt = type === 34 ? base : 0;
    const tax = CHILE.vatOn(net);
    const folio = ++folios[type]!;
    if (type === 33) invoiceNets.push(net);
    const reference = type === 61 ? `33-${amended}` : '';
    const isNote = type === 61;
    const origin = isNote ? 2 : random.int(0, 2);
    rows.push([
      type,
      folio,
      days[day]!,
      isNote || type === 39 ? null : days[day + random.pick([0, 30, 30, 45, 60])]!,
      customer.taxId,
      customer.name,
      customer.email,
      ORIGIN_TEXT[origin]!,
      origin === 0 ? `PV-${folio}` : origin === 1 ? `NE-${folio}` : '',
      net,
      exempt,
      tax,
      net + exempt + tax,
      'CLP',
      random.chance(0.01) ? 'Anulada' : 'Emitida',
      reference,
      '',
    ]);
  }
  return rows;
}

/**
 * A whole workbook around `generateDocuments`: every other invoice gets a payment of its
 * total or half of it, the customers are the demo ones, Detalle and Historial hold only headers.
 */
export function generateWorkbookTables(options: GenerateOptions): WorkbookTables {
  const facturas = generateDocuments(options);
  const pagos: Cell[][] = [canonicalHeaders('pagos')];
  for (let r = 1; r < facturas.length; r += 2) {
    const row = facturas[r]!;
    if (row[0] === 61 || row[14] === 'Anulada') continue;
    const total = row[12] as number;
    pagos.push([row[2]!, row[0]!, row[1]!, r % 4 === 1 ? total : Math.round(total / 2), 'Transferencia', `TX-${r}`, 'bench']);
  }
  return {
    [TABS.facturas.name]: facturas,
    [TABS.pagos.name]: pagos,
    [TABS.detalle.name]: [canonicalHeaders('detalle')],
    [TABS.clientes.name]: [
      canonicalHeaders('clientes'),
      ...DEMO_CUSTOMERS.map((c) => [c.taxId, c.name, c.kind === 'empresa' ? 'Empresa' : 'Persona', c.businessActivity, c.region, c.commune, c.email, c.phone, c.tags.join(', ')]),
    ],
    [TABS.historial.name]: [canonicalHeaders('historial')],
  };
}
