import { normalizeText } from '../text/normalizeText';
import { type CollectionTabId, COLLECTION_TABS } from './collectionTabs';

export type TabId = 'facturas' | 'detalle' | 'pagos' | 'clientes' | 'historial' | 'empresa' | CollectionTabId;

export interface ColumnSpec {
  readonly key: string;
  /** Canonical Spanish header, written by setup. */
  readonly header: string;
  /** English alias accepted on read. */
  readonly alias: string;
  readonly required: boolean;
}

export interface TabSpec {
  readonly id: TabId;
  readonly name: string;
  readonly alias: string;
  readonly columns: readonly ColumnSpec[];
}

const col = (key: string, header: string, alias: string, required = true): ColumnSpec => ({ key, header, alias, required });

export const INVOICE_COLUMNS = [
  col('type', 'Tipo', 'Type'),
  col('number', 'Folio', 'Number'),
  col('issueDate', 'Fecha', 'Date'),
  col('dueDate', 'Vencimiento', 'Due date'),
  col('customerTaxId', 'RUT', 'Tax ID'),
  col('customerName', 'Cliente', 'Customer'),
  col('email', 'Email', 'Email', false),
  col('origin', 'Origen', 'Origin'),
  col('originRef', 'Ref. origen', 'Origin ref', false),
  col('net', 'Neto', 'Net'),
  col('exempt', 'Exento', 'Exempt'),
  col('tax', 'IVA', 'VAT'),
  col('total', 'Total', 'Total'),
  col('currency', 'Moneda', 'Currency', false),
  col('state', 'Estado', 'State'),
  col('reference', 'Ref. documento', 'Referenced doc', false),
  col('notes', 'Notas', 'Notes', false),
] as const;

/** Shown in the sheet for people; refreshed by the tools and never read as input. */
export const DERIVED_COLUMNS = [col('paid', 'Pagado', 'Paid', false), col('balance', 'Saldo', 'Balance', false), col('paymentStatus', 'Estado de pago', 'Payment status', false)] as const;

/**
 * Optional: additional taxes (ILA and others, SII codes such as 27 or 271) that the Total includes.
 * Kept after the derived columns so sheets and files laid out before it keep their column order.
 */
export const OTHER_TAXES_COLUMN = col('otherTaxes', 'Otros impuestos', 'Other taxes', false);

/** Optional: the issuing company, one "Campo | Valor" pair per row (Razón social, RUT, Giro, Dirección, Email, Teléfono). */
export const COMPANY_TAB: TabSpec = {
  id: 'empresa',
  name: 'Empresa',
  alias: 'Company',
  columns: [col('field', 'Campo', 'Field'), col('value', 'Valor', 'Value')],
};

export const TABS: Readonly<Record<TabId, TabSpec>> = {
  empresa: COMPANY_TAB,
  facturas: { id: 'facturas', name: 'Facturas', alias: 'Invoices', columns: [...INVOICE_COLUMNS, ...DERIVED_COLUMNS, OTHER_TAXES_COLUMN] },
  detalle: {
    id: 'detalle',
    name: 'Detalle',
    alias: 'Lines',
    columns: [
      col('type', 'Tipo', 'Type'),
      col('number', 'Folio', 'Number'),
      col('description', 'Descripción', 'Description'),
      col('quantity', 'Cantidad', 'Quantity'),
      col('unitPrice', 'Precio unitario', 'Unit price'),
      col('discount', 'Descuento %', 'Discount %', false),
      col('exempt', 'Exento', 'Exempt', false),
    ],
  },
  pagos: {
    id: 'pagos',
    name: 'Pagos',
    alias: 'Payments',
    columns: [
      col('date', 'Fecha', 'Date'),
      col('type', 'Tipo', 'Type'),
      col('number', 'Folio', 'Number'),
      col('amount', 'Monto', 'Amount'),
      col('method', 'Medio', 'Method', false),
      col('reference', 'Referencia', 'Reference', false),
      col('recordedBy', 'Registrado por', 'Recorded by', false),
    ],
  },
  clientes: {
    id: 'clientes',
    name: 'Clientes',
    alias: 'Customers',
    columns: [
      col('taxId', 'RUT', 'Tax ID'),
      col('name', 'Razón social', 'Company name'),
      col('kind', 'Tipo', 'Type', false),
      col('businessActivity', 'Giro', 'Business activity', false),
      col('region', 'Región', 'Region', false),
      col('commune', 'Comuna', 'Commune', false),
      col('email', 'Email', 'Email', false),
      col('phone', 'Teléfono', 'Phone', false),
      col('tags', 'Etiquetas', 'Tags', false),
      col('reminders', 'Recordatorios', 'Reminders', false),
    ],
  },
  historial: {
    id: 'historial',
    name: 'Historial',
    alias: 'History',
    columns: [
      col('id', 'ID', 'ID'),
      col('timestamp', 'Fecha y hora', 'Date and time'),
      col('type', 'Tipo', 'Type'),
      col('number', 'Folio', 'Number'),
      col('previousStatus', 'Estado anterior', 'Previous status'),
      col('newStatus', 'Estado nuevo', 'New status'),
      col('amount', 'Monto', 'Amount', false),
      col('user', 'Usuario', 'User', false),
      col('channel', 'Canal', 'Channel', false),
    ],
  },
  ...COLLECTION_TABS,
};

/** The tabs every workbook has; Empresa is optional and read by readWorkbook on its own. */
export const TAB_IDS: readonly TabId[] = ['facturas', 'detalle', 'pagos', 'clientes', 'historial'];

export const headerKey = (header: unknown): string => normalizeText(String(header ?? '')).replace(/\s+/g, ' ');

/** Finds a tab among sheet names by its Spanish name or English alias, ignoring case and accents. */
export function findTabName(spec: TabSpec, sheetNames: readonly string[]): string | undefined {
  const wanted = [headerKey(spec.name), headerKey(spec.alias)];
  return sheetNames.find((name) => wanted.includes(headerKey(name)));
}

/** Column key -> 0-based index in this header row; columns not found are absent. */
export type ColumnMap = Readonly<Record<string, number>>;

export function mapColumns(spec: TabSpec, headerRow: readonly unknown[]): ColumnMap {
  const byHeader = new Map<string, number>();
  headerRow.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key && !byHeader.has(key)) byHeader.set(key, index);
  });
  const map: Record<string, number> = {};
  for (const column of spec.columns) {
    const index = byHeader.get(headerKey(column.header)) ?? byHeader.get(headerKey(column.alias));
    if (index !== undefined) map[column.key] = index;
  }
  return map;
}

export const canonicalHeaders = (tab: TabId): string[] => TABS[tab].columns.map((c) => c.header);
