import type { HomeView, KnownBlock } from '@slack/types';
import { type AgingReport, type Locale, type StatusSummary, AGING_BUCKETS, AGING_BUCKET_LABELS, formatDateCl, formatMoney } from '../../core/index';
import { clamp, context, divider, escapeMrkdwn, header, section } from './text';
import { statusText } from './labels';

const DEBTORS_SHOWN = 5;

/** The App Home: what is owed, what is overdue, who owes most and how old the debt is. */
export function homeView(summary: StatusSummary, aging: AgingReport, unreadableRows: number, locale: Locale): HomeView {
  const es = locale === 'es';
  const money = (amount: number): string => formatMoney(amount, aging.currency);
  const overdue = summary.lines.find((line) => line.status === 'vencida');
  const blocks: KnownBlock[] = [
    header(es ? `Facturas · resumen al ${formatDateCl(summary.asOf)}` : `Invoices · summary as of ${formatDateCl(summary.asOf)}`),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${es ? 'Por cobrar' : 'Receivable'}*\n${money(aging.totals.total)} (${aging.totals.documentCount} ${es ? 'documentos' : 'documents'})` },
        { type: 'mrkdwn', text: `*${es ? 'Vencido' : 'Overdue'}*\n${money(aging.totals.overdue)} (${overdue?.count ?? 0} ${es ? 'documentos' : 'documents'})` },
      ],
    },
    section(
      summary.lines
        .filter((line) => line.count > 0)
        .map((line) => `${statusText(line.status, locale)}: ${line.count} · ${es ? 'saldo' : 'balance'} ${money(line.balance)}`)
        .join('\n') || (es ? 'No hay documentos.' : 'No documents.'),
    ),
    divider(),
    section(
      `*${es ? 'Mayores deudores' : 'Largest debtors'}*\n${
        aging.customers
          .slice(0, DEBTORS_SHOWN)
          .map((c, i) => `${i + 1}. ${escapeMrkdwn(clamp(c.customerName, 120))} · ${money(c.total)}${c.overdue > 0 ? ` (${es ? 'vencido' : 'overdue'} ${money(c.overdue)})` : ''}`)
          .join('\n') || (es ? 'Nadie debe nada.' : 'Nobody owes anything.')
      }`,
    ),
    section(`*${es ? 'Antigüedad de saldos' : 'Ageing'}*\n${AGING_BUCKETS.map((bucket) => `${AGING_BUCKET_LABELS[bucket][locale]}: ${money(aging.totals[bucket])}`).join('\n')}`),
  ];
  const notes: string[] = [];
  if (aging.otherCurrencyCount > 0)
    notes.push(es ? `${aging.otherCurrencyCount} documentos en otras monedas no se suman aquí.` : `${aging.otherCurrencyCount} documents in other currencies are not added here.`);
  if (unreadableRows > 0)
    notes.push(
      es
        ? `${unreadableRows} filas de la planilla no se pudieron leer y quedan fuera; revíselas en la hoja.`
        : `${unreadableRows} sheet rows could not be read and are left out; check them in the sheet.`,
    );
  notes.push(es ? 'Busque con `/facturas TEXTO`; `/facturas ayuda` explica la sintaxis.' : 'Search with `/facturas TEXT`; `/facturas help` explains the syntax.');
  blocks.push(context(notes.join('\n')));
  return { type: 'home', blocks };
}
