import {
  type InvoiceView,
  type ReportTable,
  type WorkbookRead,
  ORIGIN_LABELS,
  STATE_LABELS,
  documentKey,
  documentTypeRule,
  findDocument,
  formatDateCl,
  formatDiscount,
  formatInstant,
  formatQuantity,
  formatMoney,
  historyStatusLabel,
  invoiceJson,
  lineAmount,
  parsePaymentStatus,
  PAYMENT_STATUS_LABELS,
  renderTextTable,
} from '../../core';
import { expectPositionals } from '../args';
import { type Command, type CommandContext, EXIT } from '../command';
import { messages } from '../messages';
import { documentsTable, issuesError, json, statusLabel } from '../output';
import { readLedger } from '../workbook';
import { documentCollections, documentCollectionsJson } from '../../core';
import { collectionDetailText } from '../collectionDetail';

const sameDocument = (a: { type: number; number: number }, b: { type: number; number: number }): boolean => a.type === b.type && a.number === b.number;

/** Historial keeps status words as written (Spanish or English); JSON speaks English. */
const statusInEnglish = (text: string): string => {
  const status = parsePaymentStatus(text);
  return status ? PAYMENT_STATUS_LABELS[status].en : text;
};

function documentDetail(view: InvoiceView, read: WorkbookRead, notes: readonly InvoiceView[], context: CommandContext) {
  const { book } = read;
  return {
    lines: book.lines.filter((l) => sameDocument(l, view)),
    payments: book.payments.filter((p) => sameDocument(p, view)),
    history: book.history.filter((h) => sameDocument(h, view)),
    notes,
    collections: documentCollections(book, view, context.asOf, context.profile),
  };
}

function detailJson(view: InvoiceView, detail: ReturnType<typeof documentDetail>, asOf: string) {
  return {
    ...invoiceJson(view),
    email: view.email,
    notes: view.notes,
    asOf,
    lines: detail.lines.map((l) => ({
      description: l.description,
      quantity: l.quantityMilli / 1000,
      unitPrice: l.unitPrice,
      discountPercent: l.discountBasisPoints / 100,
      exempt: l.exempt,
      amount: lineAmount(l),
    })),
    payments: detail.payments.map((p) => ({ date: p.date, amount: p.amount, method: p.method, reference: p.reference, recordedBy: p.recordedBy, counted: p.date <= asOf })),
    amendments: detail.notes.map(invoiceJson),
    history: detail.history.map((h) => ({
      id: h.id,
      timestamp: h.timestamp,
      previousStatus: statusInEnglish(h.previousStatus),
      newStatus: statusInEnglish(h.newStatus),
      amount: h.amount,
      user: h.user,
      channel: h.channel,
    })),
    ...documentCollectionsJson(detail.collections),
  };
}

/** A titled table with no subtitle, set apart by one blank line. */
const section = (rendered: string): string => rendered.replace(/^(.*)\n\n\n/, '\n$1\n').trimEnd();

function detailText(view: InvoiceView, detail: ReturnType<typeof documentDetail>, context: CommandContext): string {
  const { locale, profile } = context;
  const es = locale === 'es';
  const money = (amount: number): string => formatMoney(amount, view.currency);
  const name = documentTypeRule(profile, view.type)?.name[locale] ?? String(view.type);
  const origin = `${ORIGIN_LABELS[view.origin][locale]}${view.originRef ? ` ${view.originRef}` : ''}`;
  const header = [
    `${name} ${documentKey(view)} — ${view.customerName} (${view.customerTaxId})`,
    es
      ? `Emitida el ${formatDateCl(view.issueDate)}, vence el ${formatDateCl(view.dueDate ?? view.issueDate)} · Origen: ${origin} · Estado: ${STATE_LABELS[view.state].es}`
      : `Issued ${formatDateCl(view.issueDate)}, due ${formatDateCl(view.dueDate ?? view.issueDate)} · Origin: ${origin} · State: ${STATE_LABELS[view.state].en}`,
    `${es ? 'Neto' : 'Net'} ${money(view.net)} · ${es ? 'Exento' : 'Exempt'} ${money(view.exempt)} · ${es ? 'IVA' : 'VAT'} ${money(view.tax)}${view.otherTaxes !== 0 ? ` · ${es ? 'Otros impuestos' : 'Other taxes'} ${money(view.otherTaxes)}` : ''} · Total ${money(view.total)}`,
    view.reference
      ? `${es ? 'Modifica' : 'Amends'} ${documentKey(view.reference)}; ${es ? 'estado de pago' : 'payment status'}: ${statusLabel(view, locale)}`
      : `${es ? 'Pagado' : 'Paid'} ${money(view.paid)} · ${es ? 'Notas de crédito/débito' : 'Credit/debit notes'} ${money(-view.adjustments)} · ${es ? 'Saldo' : 'Balance'} ${money(view.balance)} · ${es ? 'Estado de pago' : 'Payment status'}: ${statusLabel(view, locale)} (${es ? 'al' : 'as of'} ${formatDateCl(context.asOf)}${view.daysOverdue > 0 && view.paymentStatus === 'vencida' ? `, ${view.daysOverdue} ${es ? 'días de atraso' : 'days overdue'}` : ''})`,
  ];
  if (view.email) header.push(`Email: ${view.email}`);
  if (view.notes) header.push(`${es ? 'Notas' : 'Notes'}: ${view.notes}`);

  const table = (title: string, columns: ReportTable['columns'], rows: ReportTable['rows']): string =>
    section(renderTextTable({ title, subtitle: '', locale, currency: view.currency, columns, rows, footer: [] }));
  const sections = [header.join('\n')];
  if (detail.lines.length > 0) {
    sections.push(
      table(
        es ? 'Detalle' : 'Lines',
        [
          { header: es ? 'Descripción' : 'Description', kind: 'text' },
          { header: es ? 'Cantidad' : 'Quantity', kind: 'text' },
          { header: es ? 'Precio unitario' : 'Unit price', kind: 'money' },
          { header: es ? 'Descuento' : 'Discount', kind: 'text' },
          { header: es ? 'Exento' : 'Exempt', kind: 'text' },
          { header: es ? 'Monto' : 'Amount', kind: 'money' },
        ],
        detail.lines.map((l) => [l.description, formatQuantity(l.quantityMilli), l.unitPrice, formatDiscount(l.discountBasisPoints), l.exempt ? (es ? 'sí' : 'yes') : 'no', lineAmount(l)]),
      ),
    );
  }
  if (detail.payments.length > 0) {
    sections.push(
      table(
        es ? 'Pagos' : 'Payments',
        [
          { header: es ? 'Fecha' : 'Date', kind: 'date' },
          { header: es ? 'Monto' : 'Amount', kind: 'money' },
          { header: es ? 'Medio' : 'Method', kind: 'text' },
          { header: es ? 'Referencia' : 'Reference', kind: 'text' },
          { header: es ? 'Registrado por' : 'Recorded by', kind: 'text' },
        ],
        detail.payments.map((p) => [p.date, p.amount, p.method, p.reference, p.recordedBy]),
      ),
    );
  }
  if (detail.notes.length > 0) {
    sections.push(section(renderTextTable(documentsTable(detail.notes, { title: es ? 'Notas que la modifican' : 'Notes amending it', subtitle: '', locale, currency: view.currency }))));
  }
  if (detail.history.length > 0) {
    sections.push(
      table(
        es ? 'Historial' : 'History',
        [
          { header: es ? 'Fecha y hora' : 'Date and time', kind: 'text' },
          { header: es ? 'Antes' : 'Before', kind: 'text' },
          { header: es ? 'Después' : 'After', kind: 'text' },
          { header: es ? 'Monto' : 'Amount', kind: 'money' },
          { header: es ? 'Usuario' : 'User', kind: 'text' },
          { header: es ? 'Canal' : 'Channel', kind: 'text' },
        ],
        detail.history.map((h) => [formatInstant(h.timestamp, context.timeZone), historyStatusLabel(h.previousStatus, locale), historyStatusLabel(h.newStatus, locale), h.amount, h.user, h.channel]),
      ),
    );
  }
  sections.push(...collectionDetailText(view, detail.collections, locale));
  return sections.join('\n');
}

export const command: Command = {
  name: 'show',
  usage: { es: '[TIPO-]FOLIO', en: '[TYPE-]NUMBER' },
  description: {
    es: 'Muestra un documento con su detalle, pagos, notas de crédito y débito, historial, saldo y estado de pago a la fecha de corte.',
    en: 'Shows one document with its lines, payments, credit and debit notes, history, balance and payment status as of the as-of date.',
  },
  options: [],
  formats: ['table', 'json'],
  async run(args, context) {
    const m = messages(context.locale);
    const [key] = expectPositionals(args, this, { min: 1, max: 1 }, m, context.locale);
    const { read, ledger } = await readLedger(context);
    const found = findDocument(ledger, key!);
    if (!found.ok) throw issuesError(found.issues, context.locale);
    const view = found.value;
    const notes = ledger.views.filter((v) => v.reference !== null && sameDocument(v.reference, view));
    const detail = documentDetail(view, read, notes, context);
    context.print((context.format ?? 'table') === 'json' ? json(detailJson(view, detail, context.asOf)) : detailText(view, detail, context));
    return EXIT.ok;
  },
};
