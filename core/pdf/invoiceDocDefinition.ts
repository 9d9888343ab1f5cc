import type { Locale } from '../i18n/locale';
import type { Customer, HistoryEntry, InvoiceLine, InvoiceView, IsoDate, Issuer, Payment } from '../model';
import { documentKey } from '../model';
import { formatDateCl } from '../dates/isoDate';
import { formatMoney } from '../money/formatMoney';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import { ORIGIN_LABELS } from '../workbook/choices';
import { formatDiscount, formatInstant, formatQuantity, historyStatusLabel, paymentStatusLabel } from '../present';
import type { DocDefinition, PdfContent, PdfTableCell, PdfText } from './docDefinition';
import { type InvoiceLabels, invoiceLabels } from './invoiceLabels';
import { lineAmount } from './lineAmount';
import { pageNumberFooter } from './pageFooter';

export interface InvoicePdfInput {
  readonly view: InvoiceView;
  /** Lines and payments of the book or of this document: only this document's are shown. */
  readonly lines: readonly InvoiceLine[];
  readonly payments: readonly Payment[];
  readonly customer?: Customer | null;
  readonly issuer?: Issuer | null;
  readonly history?: readonly HistoryEntry[];
  readonly profile: TaxProfile;
  readonly locale?: Locale;
  /** The date the payment position is shown at; payments after it are left out, as in the view. */
  readonly asOf: IsoDate;
  /** The business's zone (FACTURAS_TIMEZONE, the spreadsheet's): Historial instants are shown on its clock. */
  readonly timeZone: string;
}

const RED = '#b00020';
const GREY = '#555555';
/**
 * Between a Historial entry's old and new status. The embedded Roboto (pdfmake/build/vfs_fonts)
 * has no glyph for `→` (U+2192): it printed as nothing, and a PDF reader's copied text lost it.
 * `›` (U+203A) is in every Roboto face.
 */
const TRANSITION = '›';

// User text only ever goes into `text`: never into a node that loads a resource.
const t = (text: string, style: Omit<PdfText, 'text'> = {}): PdfText => ({ text, ...style });
const labelled = (label: string, value: string): PdfText => ({ text: [{ text: `${label}: `, bold: true }, value] });

function issuerBlock(issuer: Issuer | null | undefined, l: InvoiceLabels): PdfContent {
  if (!issuer) return t(l.noIssuer, { italics: true, color: GREY });
  const lines: PdfContent[] = [t(issuer.name, { bold: true, fontSize: 13 })];
  if (issuer.businessActivity) lines.push(labelled(l.businessActivity, issuer.businessActivity));
  if (issuer.address) lines.push(labelled(l.address, issuer.address));
  const contact = [issuer.email, issuer.phone].filter(Boolean).join(' · ');
  if (contact) lines.push(t(contact, { color: GREY }));
  return { stack: lines, fontSize: 9 };
}

/** The SII red box: issuer RUT, document name, folio. */
function folioBox(view: InvoiceView, issuer: Issuer | null | undefined, typeName: string, l: InvoiceLabels): PdfContent {
  const red: [string, string, string, string] = [RED, RED, RED, RED];
  return {
    table: {
      widths: ['*'],
      body: [[{
        stack: [
          t(issuer ? `${l.taxId}: ${issuer.taxId}` : `${l.taxId}: —`, { bold: true }),
          t(typeName.toUpperCase(), { bold: true, margin: [0, 4, 0, 4] }),
          t(`${l.number} ${view.number}`, { bold: true, fontSize: 13 }),
        ],
        alignment: 'center',
        color: RED,
        margin: [4, 6, 4, 6],
        borderColor: red,
      }]],
    },
  };
}

function customerBlock(view: InvoiceView, customer: Customer | null | undefined, profile: TaxProfile, l: InvoiceLabels): PdfContent {
  const lines: PdfContent[] = [labelled(l.customer, view.customerName), labelled(profile.taxIdName, view.customerTaxId)];
  if (customer?.businessActivity) lines.push(labelled(l.businessActivity, customer.businessActivity));
  const place = [customer?.commune, customer?.region].filter(Boolean).join(', ');
  if (place) lines.push(labelled(l.address, place));
  const email = view.email || customer?.email || '';
  if (email) lines.push(labelled(l.email, email));
  return { stack: lines };
}

function linesTable(lines: readonly InvoiceLine[], currency: string, l: InvoiceLabels): PdfContent {
  if (lines.length === 0) return t(l.noLines, { italics: true, color: GREY, margin: [0, 6, 0, 6] });
  const head = (text: string, alignment: 'left' | 'right' | 'center' = 'left'): PdfTableCell => ({ text, bold: true, fillColor: '#eeeeee', alignment });
  const right = (text: string): PdfTableCell => ({ text, alignment: 'right' });
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
      body: [
        [head(l.description), head(l.quantity, 'right'), head(l.unitPrice, 'right'), head(l.discount, 'right'), head(l.exempt, 'center'), head(l.amount, 'right')],
        ...lines.map((line): PdfTableCell[] => [
          t(line.description),
          right(formatQuantity(line.quantityMilli)),
          right(formatMoney(line.unitPrice, currency)),
          right(formatDiscount(line.discountBasisPoints)),
          { text: line.exempt ? l.yes : '', alignment: 'center' },
          right(formatMoney(lineAmount(line), currency)),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 8, 0, 8],
  };
}

/** Label and amount pairs, right-aligned under the lines. */
function amountsTable(pairs: readonly (readonly [string, string, boolean?])[]): PdfContent {
  return {
    columns: [
      { text: '', width: '*' },
      {
        width: 'auto',
        table: {
          widths: ['auto', 'auto'],
          body: pairs.map(([label, value, bold]): PdfTableCell[] => [
            { text: label, bold: true },
            { text: value, alignment: 'right', bold: bold ?? false },
          ]),
        },
        layout: 'noBorders',
      },
    ],
  };
}

/**
 * One invoice, credit or debit note as a pdfmake document definition, in the Chilean
 * layout: issuer on the left, the red RUT / type / folio box on the right, customer, lines,
 * totals, and the payment position as of `asOf`. Plain data only; rendering is the face's
 * job (core/node/pdf.ts in Node).
 */
export function invoiceDocDefinition(input: InvoicePdfInput): DocDefinition {
  const { view, profile, asOf } = input;
  const locale = input.locale ?? 'es';
  const l = invoiceLabels(locale);
  const currency = view.currency;
  const money = (amount: number): string => formatMoney(amount, currency);
  const rule = documentTypeRule(profile, view.type);
  const typeName = rule?.name[locale] ?? String(view.type);
  const key = documentKey(view);
  const isVoid = view.state === 'anulada';

  const lines = input.lines.filter((line) => documentKey(line) === key);
  const payments = input.payments.filter((p) => documentKey(p) === key && p.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
  const history = (input.history ?? []).filter((h) => documentKey(h) === key);

  const dates: PdfContent[] = [labelled(l.issueDate, formatDateCl(view.issueDate)), labelled(l.dueDate, formatDateCl(view.dueDate ?? view.issueDate))];
  const originText = ORIGIN_LABELS[view.origin][locale] + (view.origin !== 'directa' && view.originRef ? ` ${l.number} ${view.originRef}` : '');
  dates.push(labelled(l.origin, originText));
  if (view.reference) {
    const refName = documentTypeRule(profile, view.reference.type)?.name[locale] ?? String(view.reference.type);
    dates.push(labelled(l.reference, `${refName} ${l.number} ${view.reference.number}`));
  }

  const content: PdfContent[] = [
    { columns: [{ ...asStack(issuerBlock(input.issuer, l)), width: '*' }, { ...asStack(folioBox(view, input.issuer, typeName, l)), width: 190 }], columnGap: 20 },
    { columns: [{ ...asStack(customerBlock(view, input.customer, profile, l)), width: '*' }, { stack: dates, width: 220 }], columnGap: 20, margin: [0, 16, 0, 0] },
  ];
  if (isVoid) content.push(t(l.voidNotice, { bold: true, color: RED, margin: [0, 10, 0, 0] }));
  content.push(linesTable(lines, currency, l));

  const totals: [string, string, boolean?][] = [];
  if (!rule?.exemptOnly || view.net !== 0) totals.push([l.net, money(view.net)]);
  if (view.exempt !== 0 || rule?.exemptOnly) totals.push([l.exemptTotal, money(view.exempt)]);
  if (!rule?.exemptOnly || view.tax !== 0) totals.push([`${l.vat} ${profile.vatRateLabel}`, money(view.tax)]);
  if (view.otherTaxes !== 0) totals.push([l.otherTaxes, money(view.otherTaxes)]);
  totals.push([l.total, money(view.total), true]);
  content.push(amountsTable(totals));

  const isNote = view.kind !== 'invoice';
  if (!isVoid && isNote) {
    content.push(t(l.noteNotice, { italics: true, color: GREY, margin: [0, 10, 0, 0] }));
  } else if (!isVoid) {
    content.push(t(`${l.payments} (${l.asOf} ${formatDateCl(asOf)})`, { bold: true, fontSize: 11, margin: [0, 14, 0, 4] }));
    if (payments.length === 0) content.push(t(l.noPayments, { italics: true, color: GREY }));
    else
      content.push({
        table: {
          headerRows: 1,
          widths: ['auto', '*', '*', 'auto'],
          body: [
            [{ text: l.paymentDate, bold: true }, { text: l.method, bold: true }, { text: l.paymentReference, bold: true }, { text: l.amount, bold: true, alignment: 'right' }],
            ...payments.map((p): PdfTableCell[] => [t(formatDateCl(p.date)), t(p.method), t(p.reference), { text: money(p.amount), alignment: 'right' }]),
          ],
        },
        layout: 'lightHorizontalLines',
      });
    const position: [string, string, boolean?][] = [[l.paid, money(view.paid)]];
    if (view.adjustments !== 0) position.push([l.adjustments, money(-view.adjustments)]);
    position.push([l.balance, money(view.balance), true], [l.paymentStatus, capitalize(paymentStatusLabel(view.paymentStatus, locale)), true]);
    content.push({ ...asStack(amountsTable(position)), margin: [0, 6, 0, 0] });
  }

  if (view.notes) content.push(t(l.notes, { bold: true, fontSize: 11, margin: [0, 14, 0, 4] }), t(view.notes));

  if (history.length > 0) {
    content.push(t(l.history, { bold: true, fontSize: 11, margin: [0, 14, 0, 4] }));
    content.push({
      stack: history.map((h) => t(`${formatInstant(h.timestamp, input.timeZone)} · ${historyStatusLabel(h.previousStatus, locale)} ${TRANSITION} ${historyStatusLabel(h.newStatus, locale)}${h.amount !== null ? ` · ${money(h.amount)}` : ''}${h.user ? ` · ${h.user}` : ''}${h.channel ? ` (${h.channel})` : ''}`)),
      fontSize: 8,
      color: GREY,
    });
  }

  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: { title: `${typeName} ${l.number} ${view.number}`, author: input.issuer?.name ?? '', subject: view.customerName, creator: 'Facturas' },
    ...(isVoid ? { watermark: { text: l.voidMark, color: RED, opacity: 0.15, bold: true } } : {}),
    footer: pageNumberFooter(locale, `${typeName} ${l.number} ${view.number}`),
    content,
    defaultStyle: { fontSize: 10 },
  };
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Wraps any node so column-only properties (width) can be added without clashing with its kind. */
const asStack = (node: PdfContent): { stack: PdfContent[] } => ({ stack: [node] });
