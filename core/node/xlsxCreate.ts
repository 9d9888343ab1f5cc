import ExcelJS from 'exceljs';
import { type Cell, type IsoDate, type TabId, type WorkbookTables, COMPANY_TAB, TABS, TAB_IDS, canonicalHeaders, defaultReminderSteps, findTabName } from '../index';
import { demoWorkbook } from '../demo';
import { WorkbookExistsError, fileExists, saveWorkbookAtomically } from './xlsxFile';
import { DATE_FORMAT, INSTANT_FORMAT } from './xlsxWrite';

export interface CreateWorkbookOptions {
  /** Fill every tab with a year of sample data up to `today`. */
  readonly demo?: boolean;
  /** Today in the business time zone, from the caller's clock. */
  readonly today: IsoDate;
  readonly seed?: number;
  /** How many sample invoices `demo` makes (about 300 documents in all by default). */
  readonly demoInvoices?: number;
  /** Replace an existing file; without it an existing file is an error. */
  readonly overwrite?: boolean;
}

const MONEY_FORMAT = '"$"#,##0;-"$"#,##0';

type ColumnLook = { readonly width: number; readonly numFmt?: string };

/** How each column reads best: widths in characters, Chilean money and dates. */
const COLUMN_LOOKS: Readonly<Partial<Record<TabId, Readonly<Record<string, ColumnLook>>>>> = {
  facturas: {
    Tipo: { width: 6 },
    Folio: { width: 9 },
    Fecha: { width: 12, numFmt: DATE_FORMAT },
    Vencimiento: { width: 13, numFmt: DATE_FORMAT },
    RUT: { width: 14 },
    Cliente: { width: 34 },
    Email: { width: 30 },
    Origen: { width: 16 },
    'Ref. origen': { width: 12 },
    Neto: { width: 13, numFmt: MONEY_FORMAT },
    Exento: { width: 12, numFmt: MONEY_FORMAT },
    IVA: { width: 12, numFmt: MONEY_FORMAT },
    Total: { width: 13, numFmt: MONEY_FORMAT },
    Moneda: { width: 8 },
    Estado: { width: 10 },
    'Ref. documento': { width: 15 },
    Notas: { width: 28 },
    Pagado: { width: 13, numFmt: MONEY_FORMAT },
    Saldo: { width: 13, numFmt: MONEY_FORMAT },
    'Estado de pago': { width: 15 },
  },
  detalle: {
    Tipo: { width: 6 },
    Folio: { width: 9 },
    Descripción: { width: 40 },
    Cantidad: { width: 10, numFmt: '#,##0.###' },
    'Precio unitario': { width: 15, numFmt: MONEY_FORMAT },
    'Descuento %': { width: 12 },
    Exento: { width: 8 },
  },
  pagos: {
    Fecha: { width: 12, numFmt: DATE_FORMAT },
    Tipo: { width: 6 },
    Folio: { width: 9 },
    Monto: { width: 13, numFmt: MONEY_FORMAT },
    Medio: { width: 18 },
    Referencia: { width: 16 },
    'Registrado por': { width: 16 },
  },
  clientes: {
    RUT: { width: 14 },
    'Razón social': { width: 34 },
    Tipo: { width: 10 },
    Giro: { width: 40 },
    Región: { width: 16 },
    Comuna: { width: 16 },
    Email: { width: 30 },
    Teléfono: { width: 16 },
    Etiquetas: { width: 22 },
  },
  historial: {
    ID: { width: 10 },
    'Fecha y hora': { width: 20, numFmt: INSTANT_FORMAT },
    Tipo: { width: 6 },
    Folio: { width: 9 },
    'Estado anterior': { width: 15 },
    'Estado nuevo': { width: 15 },
    Monto: { width: 13, numFmt: MONEY_FORMAT },
    Usuario: { width: 14 },
    Canal: { width: 10 },
  },
  empresa: { Campo: { width: 16 }, Valor: { width: 48 } },
  gestiones: {
    ID: { width: 10 },
    Fecha: { width: 12, numFmt: DATE_FORMAT },
    'Fecha y hora': { width: 20, numFmt: INSTANT_FORMAT },
    RUT: { width: 14 },
    Tipo: { width: 6 },
    Folio: { width: 9 },
    Acción: { width: 13 },
    'Fecha compromiso': { width: 17, numFmt: DATE_FORMAT },
    'Monto comprometido': { width: 19, numFmt: MONEY_FORMAT },
    Nota: { width: 40 },
    Usuario: { width: 14 },
    Canal: { width: 10 },
  },
  recordatorios: { Días: { width: 7 }, Asunto: { width: 48 }, Mensaje: { width: 80 } },
};

const EMPTY_COMPANY: readonly (readonly Cell[])[] = [
  ['Campo', 'Valor'],
  ['Razón social', ''],
  ['RUT', ''],
  ['Giro', ''],
  ['Dirección', ''],
  ['Email', ''],
  ['Teléfono', ''],
];

/** The default reminder schedule as rows, so people find it in the workbook to edit. */
const defaultRecordatorios = (): Cell[][] => [canonicalHeaders('recordatorios'), ...defaultReminderSteps('es').map((step) => [step.days, step.subject, step.message])];

/** Tabs every new workbook gets besides the required ones, with their first rows. */
const EXTRA_TABS: readonly { readonly id: TabId; readonly rows: () => readonly (readonly Cell[])[] }[] = [
  { id: COMPANY_TAB.id, rows: () => EMPTY_COMPANY },
  { id: 'gestiones', rows: () => [canonicalHeaders('gestiones')] },
  { id: 'recordatorios', rows: defaultRecordatorios },
];

function emptyTables(): WorkbookTables {
  const tables: Record<string, readonly (readonly Cell[])[]> = {};
  for (const id of TAB_IDS) tables[TABS[id].name] = [canonicalHeaders(id)];
  return tables;
}

function addTab(workbook: ExcelJS.Workbook, id: TabId, values: readonly (readonly Cell[])[]): void {
  const sheet = workbook.addWorksheet(TABS[id].name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = (values[0] ?? []).map((cell) => String(cell ?? ''));
  const looks = COLUMN_LOOKS[id] ?? {};
  sheet.columns = header.map((title) => ({
    header: title,
    key: title,
    width: looks[title]?.width ?? Math.max(10, title.length + 2),
    style: looks[title]?.numFmt ? { numFmt: looks[title]!.numFmt } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).eachCell((cell) => {
    cell.numFmt = 'General';
  });
  for (let r = 1; r < values.length; r++) sheet.addRow((values[r] ?? []).map((cell) => (cell === undefined ? null : cell)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, header.length) } };
}

/**
 * A new workbook with every tab and canonical Spanish headers (Facturas, Detalle, Pagos, Clientes,
 * Historial, Empresa): bold frozen header row, widths, money and date formats; with `demo`, a year
 * of sample data. Refuses to replace an existing file unless `overwrite`.
 */
export async function createWorkbook(filePath: string, options: CreateWorkbookOptions): Promise<{ readonly documents: number }> {
  if (!options.overwrite && (await fileExists(filePath))) throw new WorkbookExistsError(filePath);
  const tables = options.demo ? demoWorkbook({ today: options.today, seed: options.seed, invoiceCount: options.demoInvoices }) : emptyTables();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'facturas';
  workbook.created = new Date(`${options.today}T12:00:00Z`);
  workbook.modified = workbook.created;
  const names = Object.keys(tables);
  for (const id of TAB_IDS) {
    const name = findTabName(TABS[id], names);
    addTab(workbook, id, name === undefined ? [canonicalHeaders(id)] : tables[name]!);
  }
  for (const extra of EXTRA_TABS) {
    const name = findTabName(TABS[extra.id], names);
    addTab(workbook, extra.id, name === undefined ? extra.rows() : tables[name]!);
  }
  await saveWorkbookAtomically(workbook, filePath, { replace: options.overwrite === true });
  const facturas = findTabName(TABS.facturas, names);
  return { documents: facturas === undefined ? 0 : Math.max(0, tables[facturas]!.length - 1) };
}
