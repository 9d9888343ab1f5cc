import { type CustomerStatement, type Locale, formatDateCl, formatMoney, statementAgingLine, statementPeriod } from '../../core/index';
import type { SlackMessage } from './searchResults';
import { button, clamp, context, escapeMrkdwn, fallbackText, header, section } from './text';

export const STATEMENT_PDF_ACTION = 'statement_pdf';
const MOVEMENTS_SHOWN = 10;

/** `/facturas cliente RUT`: the statement's summary, its latest movements and a button for the PDF. */
export function customerStatementMessage(statement: CustomerStatement, locale: Locale): SlackMessage {
  const es = locale === 'es';
  const money = (n: number) => formatMoney(n, statement.currency);
  const title = `${es ? 'Estado de cuenta' : 'Statement'} · ${clamp(statement.customerName, 100)}`;
  const latest = statement.movements
    .slice(-MOVEMENTS_SHOWN)
    .map(
      (m) => `• ${formatDateCl(m.date)} · ${m.kind === 'payment' ? (es ? 'pago a ' : 'payment on ') : ''}${m.type}-${m.number} · ${money(m.amount)} · ${es ? 'saldo' : 'balance'} ${money(m.balance)}`,
    );
  return {
    text: fallbackText(`${title}: ${money(statement.closingBalance)}`),
    blocks: [
      header(title),
      section(
        `${escapeMrkdwn(statement.customerTaxId)} · ${statementPeriod(statement, locale)}\n${es ? 'Saldo anterior' : 'Opening balance'} ${money(statement.openingBalance)} · *${es ? 'Saldo final' : 'Closing balance'} ${money(statement.closingBalance)}*`,
      ),
      ...(latest.length > 0 ? [section(latest.join('\n'))] : []),
      context(statementAgingLine(statement, locale)),
      { type: 'actions', elements: [button(es ? 'PDF del estado de cuenta' : 'Statement PDF', STATEMENT_PDF_ACTION, statement.customerTaxId)] },
    ],
  };
}
