import { type InvoiceView, type Issue, type Locale, type ReportTable, type TaxProfile, type WorkbookRead, PAYMENT_STATUS_LABELS, documentTypeRule, formatIssue } from '../core';
import { type CommandContext, CliError, EXIT } from './command';
import { messages } from './messages';

const MAX_WARNINGS = 20;

/** Rows the workbook could not read: named on stderr, and the command goes on with the rest. */
export function warnUnreadable(read: WorkbookRead, context: CommandContext): void {
  const m = messages(context.locale);
  for (const problem of read.issues.slice(0, MAX_WARNINGS)) context.warn(m.warning(formatIssue(problem, context.locale)));
  if (read.issues.length > MAX_WARNINGS) context.warn(m.moreWarnings(read.issues.length - MAX_WARNINGS));
}

/** Refusals from core: one line per issue, exit 1. */
export const issuesError = (issues: readonly Issue[], locale: Locale): CliError =>
  new CliError(
    issues.map((problem) => formatIssue(problem, locale)),
    EXIT.failure,
  );

export const statusLabel = (view: Pick<InvoiceView, 'paymentStatus'>, locale: Locale): string => PAYMENT_STATUS_LABELS[view.paymentStatus][locale];

export const typeName = (profile: TaxProfile, type: number, locale: Locale): string => documentTypeRule(profile, type)?.shortName[locale] ?? String(type);

/** Documents as one table form, so the terminal, CSV and the reports all look alike. */
export function documentsTable(views: readonly InvoiceView[], options: { title: string; subtitle: string; locale: Locale; currency: string; footer?: ReportTable['footer'] }): ReportTable {
  const es = options.locale === 'es';
  return {
    title: options.title,
    subtitle: options.subtitle,
    locale: options.locale,
    currency: options.currency,
    columns: [
      { header: es ? 'Tipo' : 'Type', kind: 'number' },
      { header: es ? 'Folio' : 'Number', kind: 'number' },
      { header: es ? 'Fecha' : 'Date', kind: 'date' },
      { header: es ? 'Vence' : 'Due', kind: 'date' },
      { header: 'RUT', kind: 'text' },
      { header: es ? 'Cliente' : 'Customer', kind: 'text' },
      { header: 'Total', kind: 'money' },
      { header: es ? 'Saldo' : 'Balance', kind: 'money' },
      { header: es ? 'Estado' : 'Status', kind: 'text' },
    ],
    rows: views.map((v) => [v.type, v.number, v.issueDate, v.dueDate ?? v.issueDate, v.customerTaxId, v.customerName, v.total, v.balance, statusLabel(v, options.locale)]),
    footer: options.footer ?? [],
  };
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);
