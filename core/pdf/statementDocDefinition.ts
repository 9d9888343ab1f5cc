import type { Locale } from '../i18n/locale';
import type { Issuer } from '../model';
import { formatDateCl } from '../dates/isoDate';
import { formatMoney } from '../money/formatMoney';
import { AGING_BUCKETS } from '../reports/agingReport';
import { AGING_BUCKET_LABELS } from '../reports/agingTable';
import type { TaxProfile } from '../tax/taxProfile';
import type { CustomerStatement } from '../collections/customerStatement';
import { movementLabel, statementPeriod, statementTitle } from '../collections/statementTable';
import type { DocDefinition, PdfContent, PdfTableCell, PdfText } from './docDefinition';
import { pageNumberFooter } from './pageFooter';

const GREY = '#555555';
const t = (text: string, style: Omit<PdfText, 'text'> = {}): PdfText => ({ text, ...style });
const head = (text: string, alignment: 'left' | 'right' = 'left'): PdfTableCell => ({ text, bold: true, fillColor: '#eeeeee', alignment });
const right = (text: string, bold = false): PdfTableCell => ({ text, alignment: 'right', bold });

/**
 * The estado de cuenta a customer receives (and reminders attach): issuer, customer, period,
 * opening balance, movements with running balance, closing balance and ageing. Gestiones notes
 * stay internal: they are in the command's table and JSON, never in this PDF.
 */
export function statementDocDefinition(statement: CustomerStatement, options: { profile: TaxProfile; issuer: Issuer | null; locale?: Locale }): DocDefinition {
  const locale = options.locale ?? 'es';
  const es = locale === 'es';
  const money = (amount: number): string => formatMoney(amount, statement.currency);
  const issuer = options.issuer;
  const issuerLines: PdfContent[] = issuer
    ? [
        t(issuer.name, { bold: true, fontSize: 13 }),
        ...[issuer.taxId && `RUT ${issuer.taxId}`, issuer.address, [issuer.email, issuer.phone].filter(Boolean).join(' · ')].filter(Boolean).map((line) => t(String(line), { color: GREY })),
      ]
    : [t(es ? 'Complete la hoja Empresa para mostrar el emisor.' : 'Fill in the Empresa tab to show the issuer.', { italics: true, color: GREY })];
  const movements: PdfTableCell[][] = [
    [head(es ? 'Fecha' : 'Date'), head(es ? 'Movimiento' : 'Movement'), head(es ? 'Cargo' : 'Charge', 'right'), head(es ? 'Abono' : 'Credit', 'right'), head(es ? 'Saldo' : 'Balance', 'right')],
    [t(''), t(es ? 'Saldo anterior' : 'Opening balance', { italics: true }), t(''), t(''), right(money(statement.openingBalance))],
    ...statement.movements.map((m): PdfTableCell[] => [
      t(formatDateCl(m.date)),
      t(movementLabel(m, options.profile, locale)),
      right(m.amount > 0 ? money(m.amount) : ''),
      right(m.amount < 0 ? money(-m.amount) : ''),
      right(money(m.balance)),
    ]),
    [t(''), t(es ? 'Saldo final' : 'Closing balance', { bold: true }), t(''), t(''), right(money(statement.closingBalance), true)],
  ];
  const content: PdfContent[] = [
    {
      columns: [
        { stack: issuerLines, width: '*', fontSize: 9 },
        { stack: [t(statementTitle(locale).toUpperCase(), { bold: true, fontSize: 14, alignment: 'right' }), t(statementPeriod(statement, locale), { alignment: 'right', color: GREY })], width: 220 },
      ],
      columnGap: 20,
    },
    {
      stack: [
        { text: [{ text: `${es ? 'Cliente' : 'Customer'}: `, bold: true }, statement.customerName] },
        { text: [{ text: `${options.profile.taxIdName}: `, bold: true }, statement.customerTaxId] },
        { text: [{ text: `${es ? 'Saldo al' : 'Balance as of'} ${formatDateCl(statement.to)}: `, bold: true }, money(statement.closingBalance)] },
      ],
      margin: [0, 16, 0, 8],
    },
    { table: { headerRows: 1, dontBreakRows: true, widths: ['auto', '*', 'auto', 'auto', 'auto'], body: movements }, layout: 'lightHorizontalLines' },
    t(es ? `Antigüedad del saldo al ${formatDateCl(statement.to)}` : `Ageing of the balance as of ${formatDateCl(statement.to)}`, { bold: true, fontSize: 11, margin: [0, 14, 0, 4] }),
    {
      table: {
        widths: [...AGING_BUCKETS.map(() => '*' as const), '*'],
        body: [
          [...AGING_BUCKETS.map((bucket) => head(AGING_BUCKET_LABELS[bucket][locale], 'right')), head('Total', 'right')],
          [...AGING_BUCKETS.map((bucket) => right(money(statement.aging[bucket]))), right(money(statement.aging.total), true)],
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  const title = `${statementTitle(locale)} ${statement.customerName}`;
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: { title, author: issuer?.name ?? '', subject: statement.customerTaxId, creator: 'Facturas' },
    footer: pageNumberFooter(locale, title),
    content,
    defaultStyle: { fontSize: 9 },
  };
}
