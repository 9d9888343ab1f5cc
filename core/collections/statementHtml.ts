import type { Locale } from '../i18n/locale';
import type { Issuer } from '../model';
import { formatDateCl } from '../dates/isoDate';
import { formatMoney } from '../money/formatMoney';
import { AGING_BUCKETS } from '../reports/agingReport';
import { AGING_BUCKET_LABELS } from '../reports/agingTable';
import type { TaxProfile } from '../tax/taxProfile';
import type { CustomerStatement } from './customerStatement';
import { movementLabel, statementPeriod, statementTitle } from './statementTable';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The statement as a self-contained HTML page with the PDF's content, for Apps Script, which
 * turns HTML into a PDF itself (Blob.getAs) where pdfmake cannot run. No scripts, no links, no
 * external resources; every text escaped.
 */
export function statementHtml(statement: CustomerStatement, options: { profile: TaxProfile; issuer: Issuer | null; locale?: Locale }): string {
  const locale = options.locale ?? 'es';
  const es = locale === 'es';
  const money = (n: number): string => escape(formatMoney(n, statement.currency));
  const cell = (text: string, right = false, bold = false): string => `<td style="padding:2px 6px;${right ? 'text-align:right;' : ''}${bold ? 'font-weight:bold;' : ''}">${text}</td>`;
  const head = (text: string, right = false): string => `<th style="padding:2px 6px;background:#eeeeee;${right ? 'text-align:right;' : 'text-align:left;'}">${escape(text)}</th>`;
  const issuer = options.issuer;
  const rows = [
    `<tr>${cell('')}${cell(escape(es ? 'Saldo anterior' : 'Opening balance'))}${cell('')}${cell('')}${cell(money(statement.openingBalance), true)}</tr>`,
    ...statement.movements.map(
      (m) =>
        `<tr>${cell(formatDateCl(m.date))}${cell(escape(movementLabel(m, options.profile, locale)))}${cell(m.amount > 0 ? money(m.amount) : '', true)}${cell(m.amount < 0 ? money(-m.amount) : '', true)}${cell(money(m.balance), true)}</tr>`,
    ),
    `<tr>${cell('')}${cell(escape(es ? 'Saldo final' : 'Closing balance'), false, true)}${cell('')}${cell('')}${cell(money(statement.closingBalance), true, true)}</tr>`,
  ];
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:Roboto,Arial,sans-serif;font-size:10pt;">',
    issuer
      ? `<div style="font-size:13pt;font-weight:bold;">${escape(issuer.name)}</div><div style="color:#555555;">${escape([issuer.taxId && `RUT ${issuer.taxId}`, issuer.address, issuer.email, issuer.phone].filter(Boolean).join(' · '))}</div>`
      : '',
    `<h2 style="text-align:right;margin:4px 0;">${escape(statementTitle(locale).toUpperCase())}</h2><div style="text-align:right;color:#555555;">${escape(statementPeriod(statement, locale))}</div>`,
    `<p><b>${escape(es ? 'Cliente' : 'Customer')}:</b> ${escape(statement.customerName)}<br><b>${escape(options.profile.taxIdName)}:</b> ${escape(statement.customerTaxId)}<br><b>${escape(es ? 'Saldo al' : 'Balance as of')} ${formatDateCl(statement.to)}:</b> ${money(statement.closingBalance)}</p>`,
    `<table style="border-collapse:collapse;width:100%;"><tr>${head(es ? 'Fecha' : 'Date')}${head(es ? 'Movimiento' : 'Movement')}${head(es ? 'Cargo' : 'Charge', true)}${head(es ? 'Abono' : 'Credit', true)}${head(es ? 'Saldo' : 'Balance', true)}</tr>${rows.join('')}</table>`,
    `<h3>${escape(es ? `Antigüedad del saldo al ${formatDateCl(statement.to)}` : `Ageing of the balance as of ${formatDateCl(statement.to)}`)}</h3>`,
    `<table style="border-collapse:collapse;width:100%;"><tr>${AGING_BUCKETS.map((b) => head(AGING_BUCKET_LABELS[b][locale], true)).join('')}${head('Total', true)}</tr><tr>${AGING_BUCKETS.map((b) => cell(money(statement.aging[b]), true)).join('')}${cell(money(statement.aging.total), true, true)}</tr></table>`,
    '</body></html>',
  ].join('\n');
}
