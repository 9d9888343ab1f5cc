import { type ReceivablesKpis, type ReportTable, type WorkbookRead, daysToPayTable, kpisTable, receivablesKpis, renderTextTable, topDebtorsTable } from '../core';
import type { CommandContext } from './command';

/**
 * `facturas report kpis`: JSON carries every figure; csv, xlsx and pdf the indicators table; the
 * terminal also shows the largest debtors and days to pay after it.
 */
export function kpisReport(read: WorkbookRead, period: string, context: CommandContext): { data: ReceivablesKpis; table: ReportTable; appendix: string } {
  const kpis = receivablesKpis(read.book, context.profile, period);
  const appendix = [topDebtorsTable(kpis, context.locale), daysToPayTable(kpis, context.locale)].map((t) => `\n${renderTextTable(t).trimEnd()}\n`).join('');
  return { data: kpis, table: kpisTable(kpis, context.locale), appendix };
}
