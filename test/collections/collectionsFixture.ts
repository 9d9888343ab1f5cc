import { CHILE, type Cell, type ChangePlan, type WorkbookRead, canonicalHeaders, isDateValue, isInstantValue, readWorkbook } from '../../core';

export const ACME = '76.086.428-5';
export const BETA = '96.500.300-2';

export type InvoiceRow = readonly [
  type: number,
  number: number,
  issueDate: string,
  dueDate: string,
  rut: string,
  customer: string,
  total: number,
  state?: 'Emitida' | 'Anulada',
  reference?: string,
  email?: string,
];
export type PaymentRow = readonly [date: string, type: number, number: number, amount: number];
/** ID, Fecha, RUT, Tipo, Folio, Acción, Fecha compromiso, Monto comprometido, Nota */
export type GestionRow = readonly [
  id: string,
  date: string,
  rut: string,
  type: number | '',
  number: number | '',
  action: string,
  promisedDate?: string,
  promisedAmount?: number | string,
  note?: string,
];

/** Net and VAT of a total that is net + 19%: totals in fixtures are picked so that this is exact. */
const split = (total: number): [number, number] => {
  const net = Math.round(total / 1.19);
  return [net, total - net];
};

export interface FixtureOptions {
  invoices: readonly InvoiceRow[];
  payments?: readonly PaymentRow[];
  gestiones?: readonly GestionRow[] | null;
  recordatorios?: readonly (readonly Cell[])[];
  clientes?: readonly (readonly Cell[])[];
}

/** The workbook's sheets as getValues would give them, Gestiones and Recordatorios included when given. */
export function fixtureTables(options: FixtureOptions): Record<string, Cell[][]> {
  const facturas: Cell[][] = [canonicalHeaders('facturas').slice(0, 17)];
  for (const [type, number, issueDate, dueDate, rut, customer, total, state = 'Emitida', reference = '', email = ''] of options.invoices) {
    const [net, tax] = type === 34 ? [0, 0] : split(total);
    facturas.push([type, number, issueDate, dueDate, rut, customer, email, 'Directa', '', net, type === 34 ? total : 0, tax, total, 'CLP', state, reference, '']);
  }
  const tables: Record<string, Cell[][]> = {
    Facturas: facturas,
    Detalle: [canonicalHeaders('detalle')],
    Pagos: [canonicalHeaders('pagos'), ...(options.payments ?? []).map(([date, type, number, amount]) => [date, type, number, amount, 'Transferencia', `TX-${number}`, 'ana'])],
    Clientes: [canonicalHeaders('clientes'), ...(options.clientes ?? []).map((r) => [...r])],
    Historial: [canonicalHeaders('historial')],
  };
  if (options.gestiones !== null) {
    tables.Gestiones = [
      canonicalHeaders('gestiones'),
      ...(options.gestiones ?? []).map(([id, date, rut, type, number, action, promisedDate = '', promisedAmount = '', note = '']) => [
        id,
        date,
        '',
        rut,
        type,
        number,
        action,
        promisedDate,
        promisedAmount,
        note,
        'ana',
        'cli',
      ]),
    ];
  }
  if (options.recordatorios) tables.Recordatorios = [canonicalHeaders('recordatorios'), ...options.recordatorios.map((r) => [...r])];
  return tables;
}

/** A workbook read through the real reader. */
export const workbookRead = (options: FixtureOptions): WorkbookRead => readWorkbook(fixtureTables(options), { profile: CHILE, timeZone: 'UTC' });

/** Applies a plan's appended rows to the tables, as a face would write them. */
export function appendRows(tables: Record<string, Cell[][]>, read: WorkbookRead, plan: ChangePlan): void {
  for (const append of plan.appends) {
    const sheet = tables[read.layout[append.tab]!.sheetName]!;
    sheet.push(append.values.map((value) => (isDateValue(value) ? value.date : isInstantValue(value) ? new Date(value.instant) : (value as Cell))));
  }
}

/** Fails the test when the fixture itself has unreadable rows. */
export function cleanRead(options: FixtureOptions): WorkbookRead {
  const read = workbookRead(options);
  if (read.issues.length > 0) throw new Error(`fixture rows have issues: ${JSON.stringify(read.issues)}`);
  return read;
}
