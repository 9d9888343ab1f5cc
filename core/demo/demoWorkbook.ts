import type { Channel, IsoDate, Origin, PaymentStatus } from '../model';
import { addDays } from '../dates/isoDate';
import { CHILE } from '../tax/chile';
import { paymentStatusAsOf } from '../ledger/paymentStatusAsOf';
import { buildLedger } from '../ledger/buildLedger';
import { CHANNEL_LABELS } from '../payments/historyAppend';
import { readWorkbook, type WorkbookTables } from '../workbook/readWorkbook';
import { canonicalHeaders, type TabId, TABS, COMPANY_TAB } from '../workbook/schema';
import { ORIGIN_LABELS, PAYMENT_STATUS_LABELS, STATE_LABELS } from '../workbook/choices';
import type { Cell } from '../workbook/cells';
import { type SeededRandom, seededRandom } from './seededRandom';
import { santiagoInstant, utcDate } from './utcDate';
import {
  DEMO_CUSTOMERS,
  DEMO_DEBIT_REASONS,
  DEMO_EXEMPT_SERVICES,
  DEMO_ISSUER,
  DEMO_PAYMENT_METHODS,
  DEMO_PRODUCTS,
  DEMO_RETAIL_METHODS,
  DEMO_USERS,
  type DemoCustomer,
  type DemoProduct,
} from './demoParties';

export interface DemoOptions {
  /** The last day of the sample year; documents, payments and history never go past it. */
  readonly today: IsoDate;
  readonly seed?: number;
  /** Documents of type 33, 34 and 39 before notes are added (about 300 documents in all by default). */
  readonly invoiceCount?: number;
}

interface DemoLine {
  readonly description: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly discountPercent: number;
  readonly exempt: boolean;
}

interface DemoDocument {
  type: number;
  number: number;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate | null;
  readonly customer: DemoCustomer;
  readonly origin: Origin;
  originRef: string;
  readonly lines: readonly DemoLine[];
  readonly net: number;
  readonly exempt: number;
  readonly tax: number;
  readonly total: number;
  voidOn: IsoDate | null;
  readonly reference: DemoDocument | null;
  readonly notes: string;
}

interface DemoPayment {
  readonly document: DemoDocument;
  readonly date: IsoDate;
  readonly amount: number;
  readonly method: string;
  readonly reference: string;
  readonly user: string;
}

interface DemoHistory {
  readonly at: Date;
  readonly document: DemoDocument;
  readonly previousStatus: PaymentStatus;
  readonly newStatus: PaymentStatus;
  readonly amount: number;
  readonly user: string;
  readonly channel: Channel;
}

const FIRST_FOLIO: Readonly<Record<number, number>> = { 33: 1001, 34: 201, 39: 5001, 56: 301, 61: 501 };
const YES = 'sí';
const NO = 'no';

const lineAmount = (line: DemoLine): number => (line.quantity * line.unitPrice * (100 - line.discountPercent)) / 100;

function makeDocument(fields: Omit<DemoDocument, 'net' | 'exempt' | 'tax' | 'total' | 'number' | 'voidOn'>): DemoDocument {
  const net = fields.lines.filter((l) => !l.exempt).reduce((sum, l) => sum + lineAmount(l), 0);
  const exempt = fields.lines.filter((l) => l.exempt).reduce((sum, l) => sum + lineAmount(l), 0);
  const tax = CHILE.vatOn(net);
  return { ...fields, number: 0, voidOn: null, net, exempt, tax, total: net + exempt + tax };
}

function saleLines(random: SeededRandom, catalog: readonly DemoProduct[], wholesale: boolean): DemoLine[] {
  const count = random.int(1, 4);
  const lines: DemoLine[] = [];
  for (let i = 0; i < count; i++) {
    const item = random.pick(catalog);
    if (lines.some((l) => l.description === item.description)) continue;
    lines.push({
      description: item.description,
      quantity: item.exempt ? 1 : random.int(1, wholesale ? 60 : 8),
      unitPrice: item.unitPrice,
      discountPercent: wholesale ? random.pick([0, 0, 5, 10]) : 0,
      exempt: item.exempt,
    });
  }
  return lines;
}

/** Issue dates spread over the year up to today, with a few in the last week so something is still to be paid. */
function issueDates(random: SeededRandom, today: IsoDate, count: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let i = 0; i < count - 4; i++) dates.push(addDays(today, -random.int(7, 364)));
  for (let i = 0; i < 4; i++) dates.push(addDays(today, -1 - i));
  return dates.sort();
}

function originFor(random: SeededRandom, counters: { pedido: number; entrega: number }): { origin: Origin; originRef: string } {
  const roll = random.next();
  if (roll < 0.4) return { origin: 'pedido', originRef: `PV-${++counters.pedido}` };
  if (roll < 0.75) return { origin: 'nota-entrega', originRef: `NE-${++counters.entrega}` };
  return { origin: 'directa', originRef: '' };
}

/**
 * A year of realistic Chilean sales as workbook tables (Empresa, Facturas with derived columns,
 * Detalle, Pagos, Clientes, Historial): valid RUTs, VAT per document, notes amending invoices,
 * a few void documents and payments such that every payment status occurs as of `today`.
 * Dates are Date objects at UTC midnight and instants are Dates: read them with `timeZone: 'UTC'`.
 */
export function demoWorkbook(options: DemoOptions): WorkbookTables {
  const { today } = options;
  const random = seededRandom(options.seed ?? 20_261_015);
  const counters = { pedido: 4100, entrega: 8200 };
  const companies = DEMO_CUSTOMERS.filter((c) => c.kind === 'empresa');
  const people = DEMO_CUSTOMERS.filter((c) => c.kind === 'persona');

  const invoices: DemoDocument[] = issueDates(random, today, options.invoiceCount ?? 270).map((issueDate) => {
    const roll = random.next();
    const type = roll < 0.1 ? 39 : roll < 0.18 ? 34 : 33;
    const customer = type === 39 ? random.pick(people) : random.pick(companies);
    const wholesale = customer.tags.includes('mayorista');
    const lines = type === 34 ? saleLines(random, DEMO_EXEMPT_SERVICES, false) : saleLines(random, DEMO_PRODUCTS, wholesale);
    const { origin, originRef } = type === 39 ? { origin: 'directa' as const, originRef: '' } : originFor(random, counters);
    return makeDocument({
      type,
      issueDate,
      customer,
      origin,
      originRef,
      lines,
      reference: null,
      dueDate: type === 39 ? null : addDays(issueDate, customer.paymentTermDays),
      notes: customer.tags.includes('gobierno') ? `OC ${random.int(1000, 9999)}-${random.int(10, 99)}-SE${issueDate.slice(2, 4)}` : '',
    });
  });

  const notes: DemoDocument[] = [];
  const amendable = invoices.filter((d) => d.type !== 39 && d.issueDate < addDays(today, -3));
  for (const invoice of amendable) {
    const roll = random.next();
    if (roll < 0.09) {
      const returned = invoice.lines
        .filter((l) => !l.exempt || invoice.type === 34)
        .slice(0, 1)
        .map((l) => ({
          ...l,
          description: `Devolución: ${l.description}`,
          quantity: Math.max(1, Math.floor(l.quantity / 2)),
        }));
      if (returned.length === 0) continue;
      notes.push(
        makeDocument({
          type: 61,
          issueDate: addDays(invoice.issueDate, random.int(1, 3)),
          dueDate: null,
          customer: invoice.customer,
          origin: 'directa',
          originRef: '',
          lines: returned,
          reference: invoice,
          notes: 'Devolución de mercadería',
        }),
      );
    } else if (roll < 0.12 && invoice.type === 33) {
      notes.push(
        makeDocument({
          type: 56,
          issueDate: addDays(invoice.issueDate, random.int(2, 3)),
          dueDate: null,
          customer: invoice.customer,
          origin: 'directa',
          originRef: '',
          lines: [{ description: random.pick(DEMO_DEBIT_REASONS), quantity: 1, unitPrice: random.int(5, 60) * 1000, discountPercent: 0, exempt: false }],
          reference: invoice,
          notes: '',
        }),
      );
    }
  }

  const amended = new Set(notes.map((n) => n.reference));
  const voidable = invoices.filter((d) => d.type === 33 && !amended.has(d) && d.issueDate < addDays(today, -10));
  for (let i = 0; i < 4 && voidable.length > 0; i++) {
    const target = voidable.splice(random.int(0, voidable.length - 1), 1)[0]!;
    target.voidOn = addDays(target.issueDate, random.int(1, 5));
  }

  const documents = [...invoices, ...notes].sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.type - b.type));
  const nextFolio = { ...FIRST_FOLIO };
  for (const doc of documents) doc.number = nextFolio[doc.type]!++;

  const { payments, history } = settle(random, today, invoices, notes);
  return assembleTables(today, documents, payments, history);
}

function settle(random: SeededRandom, today: IsoDate, invoices: readonly DemoDocument[], notes: readonly DemoDocument[]): { payments: DemoPayment[]; history: DemoHistory[] } {
  const payments: DemoPayment[] = [];
  const history: DemoHistory[] = [];
  const notesOf = new Map<DemoDocument, DemoDocument[]>();
  for (const note of notes) notesOf.set(note.reference!, [...(notesOf.get(note.reference!) ?? []), note]);

  // The two newest invoices still due stay partial and pending, so both statuses show in any sample.
  const notYetDue = invoices.filter((d) => d.type !== 39 && d.voidOn === null && d.dueDate !== null && d.dueDate >= today);
  const forcedPartial = notYetDue[notYetDue.length - 1];
  const forcedPending = notYetDue[notYetDue.length - 2];
  const pastDue = invoices.filter((d) => d.type !== 39 && d.voidOn === null && d.dueDate !== null && d.dueDate < addDays(today, -30));
  const forcedOverdue = pastDue[pastDue.length - 1];

  for (const doc of invoices) {
    const user = random.pick(DEMO_USERS);
    const channel: Channel = random.pick(['sidebar', 'sidebar', 'slack', 'cli']);
    const dueDate = doc.dueDate ?? doc.issueDate;
    const docNotes = notesOf.get(doc) ?? [];
    const adjustmentsOn = (date: IsoDate): number => docNotes.filter((n) => n.issueDate <= date).reduce((sum, n) => sum + (n.type === 61 ? n.total : -n.total), 0);
    const statusOn = (date: IsoDate, paid: number): PaymentStatus => paymentStatusAsOf({ total: doc.total, paid, adjustments: adjustmentsOn(date), dueDate, void: false }, date).status;

    if (doc.voidOn !== null) {
      const on = doc.voidOn;
      history.push({ at: santiagoInstant(on, random.int(9, 17), random.int(0, 59)), document: doc, previousStatus: statusOn(on, 0), newStatus: 'anulada', amount: doc.total, user, channel });
      continue;
    }

    const owed = doc.total - adjustmentsOn(today);
    const settledAfter = docNotes.reduce((latest, n) => (n.issueDate > latest ? n.issueDate : latest), doc.issueDate);
    let fate: 'full' | 'partial' | 'none';
    if (doc === forcedPartial) fate = 'partial';
    else if (doc === forcedPending || doc === forcedOverdue) fate = 'none';
    else if (doc.type === 39) fate = 'full';
    else {
      const roll = random.next();
      fate =
        dueDate < today ? (roll < doc.customer.punctuality * 0.9 ? 'full' : roll < doc.customer.punctuality * 0.9 + 0.1 ? 'partial' : 'none') : roll < 0.3 ? 'full' : roll < 0.6 ? 'partial' : 'none';
    }
    const amounts: number[] = [];
    if (owed <= 0) fate = 'none';
    if (fate === 'full' && random.chance(0.2) && owed >= 20_000) {
      const first = Math.round(owed / 2 / 1000) * 1000;
      amounts.push(first, owed - first);
    } else if (fate === 'full') amounts.push(owed);
    else if (fate === 'partial' && owed >= 2_000) amounts.push(Math.max(1000, Math.round((owed * random.int(25, 70)) / 100 / 1000) * 1000));

    const latestPayment = doc.type === 39 ? doc.issueDate : addDays(dueDate, doc.customer.punctuality > 0.8 ? 0 : 20);
    const lastDay = latestPayment > today ? today : latestPayment;
    let date = doc.type === 39 ? doc.issueDate : settledAfter;
    let paid = 0;
    for (const amount of amounts) {
      const span = lastDay > date ? daysFrom(date, lastDay) : 0;
      date = addDays(date, random.int(0, Math.min(span, 40)));
      const method = doc.type === 39 ? random.pick(DEMO_RETAIL_METHODS) : random.pick(DEMO_PAYMENT_METHODS);
      const reference = method === 'Cheque' ? `CH-${random.int(100_000, 999_999)}` : method === 'Efectivo' ? '' : `TX-${random.int(10_000_000, 99_999_999)}`;
      const previousStatus = statusOn(date, paid);
      paid += amount;
      payments.push({ document: doc, date, amount, method, reference, user });
      history.push({ at: santiagoInstant(date, random.int(9, 18), random.int(0, 59)), document: doc, previousStatus, newStatus: statusOn(date, paid), amount, user, channel });
    }
  }
  payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  history.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { payments, history };
}

const daysFrom = (from: IsoDate, to: IsoDate): number => Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / 86_400_000);

const documentRef = (doc: DemoDocument): string => `${doc.type}-${doc.number}`;

function assembleTables(today: IsoDate, documents: readonly DemoDocument[], payments: readonly DemoPayment[], history: readonly DemoHistory[]): WorkbookTables {
  const table = (tab: TabId, rows: readonly (readonly Cell[])[]): Cell[][] => [canonicalHeaders(tab), ...rows.map((r) => [...r])];
  const facturas = table(
    'facturas',
    documents.map((d) => [
      d.type,
      d.number,
      utcDate(d.issueDate),
      d.dueDate ? utcDate(d.dueDate) : null,
      d.customer.taxId,
      d.customer.name,
      d.customer.email,
      ORIGIN_LABELS[d.origin].es,
      d.originRef,
      d.net,
      d.exempt,
      d.tax,
      d.total,
      'CLP',
      d.voidOn !== null ? STATE_LABELS.anulada.es : STATE_LABELS.emitida.es,
      d.reference ? documentRef(d.reference) : '',
      d.notes,
      null,
      null,
      null,
    ]),
  );
  const tables: Record<string, Cell[][]> = {
    [COMPANY_TAB.name]: [
      ['Campo', 'Valor'],
      ['Razón social', DEMO_ISSUER.name],
      ['RUT', DEMO_ISSUER.taxId],
      ['Giro', DEMO_ISSUER.businessActivity],
      ['Dirección', DEMO_ISSUER.address],
      ['Email', DEMO_ISSUER.email],
      ['Teléfono', DEMO_ISSUER.phone],
    ],
    [TABS.facturas.name]: facturas,
    [TABS.detalle.name]: table(
      'detalle',
      documents.flatMap((d) => d.lines.map((l) => [d.type, d.number, l.description, l.quantity, l.unitPrice, l.discountPercent, l.exempt ? YES : NO])),
    ),
    [TABS.pagos.name]: table(
      'pagos',
      payments.map((p) => [utcDate(p.date), p.document.type, p.document.number, p.amount, p.method, p.reference, p.user]),
    ),
    [TABS.clientes.name]: table(
      'clientes',
      DEMO_CUSTOMERS.map((c) => [c.taxId, c.name, c.kind === 'empresa' ? 'Empresa' : 'Persona', c.businessActivity, c.region, c.commune, c.email, c.phone, c.tags.join(', ')]),
    ),
    [TABS.historial.name]: table(
      'historial',
      history.map((h, index) => [`H-${String(index + 1).padStart(5, '0')}`, h.at, h.document.type, h.document.number, h.previousStatus, h.newStatus, h.amount, h.user, CHANNEL_LABELS[h.channel]]),
    ),
  };

  // Derived columns show what the tools would write: the position as of today.
  const read = readWorkbook(tables, { profile: CHILE, timeZone: 'UTC' });
  const ledger = buildLedger(read.book, today, CHILE);
  const paidColumn = canonicalHeaders('facturas').indexOf('Pagado');
  for (const view of ledger.views) {
    const row = facturas[view.row - 1]!;
    row[paidColumn] = view.paid;
    row[paidColumn + 1] = view.balance;
    row[paidColumn + 2] = PAYMENT_STATUS_LABELS[view.paymentStatus].es;
  }
  return tables;
}
