import { z } from 'zod';
import {
  COLLECTION_ACTION_LABELS,
  COLLECTION_ACTION_EN,
  type CustomerStatement,
  collectionEntryJson,
  customerNameOf,
  customerStatement,
  formatDateCl,
  issue,
  renderCsv,
  renderTextTable,
  statementAgingLine,
  statementDocDefinition,
  statementTable,
} from '../../core';
import { expectPositionals } from '../args';
import { type Command, type CommandContext, CliError, EXIT } from '../command';
import { collectionMessages } from '../collectionMessages';
import { messages } from '../messages';
import { issuesError, json } from '../output';
import { isoDateOption, textOption, validate } from '../schemas';
import { readLedger } from '../workbook';
import { FORCE_OPTION, deliver } from './report';

/** JSON speaks English: movement kinds as the ledger names them, Gestiones actions in English. */
export const statementJson = (statement: CustomerStatement) => ({
  customerTaxId: statement.customerTaxId,
  customerName: statement.customerName,
  currency: statement.currency,
  from: statement.from,
  to: statement.to,
  openingBalance: statement.openingBalance,
  closingBalance: statement.closingBalance,
  movements: statement.movements.map(({ date, kind, type, number, amount, balance }) => ({ date, kind, type, number, amount, balance })),
  aging: statement.aging,
  collectionLog: statement.collectionLog.map(collectionEntryJson),
});

function statementText(statement: CustomerStatement, context: CommandContext): string {
  const es = context.locale === 'es';
  const parts = [renderTextTable(statementTable(statement, context.profile, context.locale)).trimEnd()];
  parts.push('', `${es ? 'Antigüedad al' : 'Ageing as of'} ${formatDateCl(statement.to)}: ${statementAgingLine(statement, context.locale)}`);
  if (statement.collectionLog.length > 0) {
    parts.push('', es ? 'Gestiones' : 'Collection log');
    for (const e of statement.collectionLog) {
      const what = context.locale === 'es' ? COLLECTION_ACTION_LABELS[e.action].es : COLLECTION_ACTION_EN[e.action];
      parts.push(`${formatDateCl(e.date)}  ${e.id}  ${what}${e.document ? ` ${e.document.type}-${e.document.number}` : ''}${e.note ? `: ${e.note}` : ''}${e.user ? ` (${e.user})` : ''}`);
    }
  }
  return parts.join('\n');
}

export const command: Command = {
  name: 'statement',
  usage: { es: 'RUT [--from AAAA-MM-DD] [--to AAAA-MM-DD] [--out ARCHIVO]', en: 'RUT [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]' },
  description: {
    es: 'Estado de cuenta de un cliente: saldo anterior (al cierre del día antes de --from), cada documento, nota y pago en orden de fecha con su saldo, el saldo final a --to (por defecto --as-of) y la antigüedad de su deuda. Sin --from, desde el documento impago más antiguo.',
    en: "A customer's statement: opening balance (at the end of the day before --from), every document, note and payment in date order with its running balance, the closing balance at --to (default --as-of) and the ageing of what is owed. Without --from, from the oldest unpaid document.",
  },
  options: [
    { name: 'from', type: 'string', value: 'YYYY-MM-DD', help: { es: 'primer día del período', en: 'first day of the period' } },
    { name: 'to', type: 'string', value: 'YYYY-MM-DD', help: { es: 'último día (por defecto --as-of)', en: 'last day (default --as-of)' } },
    { name: 'out', type: 'string', value: 'FILE', help: { es: 'archivo donde guardarlo (pdf: por defecto estado-RUT.pdf)', en: 'file to save it to (pdf: default estado-RUT.pdf)' } },
    FORCE_OPTION,
  ],
  formats: ['table', 'json', 'csv', 'pdf'],
  async run(args, context) {
    const m = messages(context.locale);
    const c = collectionMessages(context.locale);
    const [rut] = expectPositionals(args, this, { min: 1, max: 1 }, m, context.locale);
    const options = validate(
      z.object({ from: isoDateOption('--from', m).optional(), to: isoDateOption('--to', m).optional(), out: textOption('--out', m).optional() }),
      { from: args.values.from, to: args.values.to, out: args.values.out },
      m,
    );
    const parsed = context.profile.parseTaxId(rut!);
    if (!parsed.ok) throw new CliError([c.badCustomer(rut!)], EXIT.usage);
    const to = options.to ?? context.asOf;
    if (options.from !== undefined && options.from > to) throw new CliError([c.fromAfterTo(options.from, to)], EXIT.usage);
    const { read } = await readLedger(context);
    if (customerNameOf(read, parsed.value) === null) throw issuesError([issue('unknownCustomer', {}, { value: rut! })], context.locale);
    const statement = customerStatement(read.book, context.profile, { customerTaxId: parsed.value, to, ...(options.from ? { from: options.from } : {}) });
    const format = context.format ?? 'table';
    const out = options.out ?? (format === 'pdf' ? `estado-${context.profile.compactTaxId(parsed.value)}.pdf` : undefined);
    await deliver(
      context,
      format,
      out,
      async () => {
        if (format === 'json') return json(statementJson(statement));
        if (format === 'csv') return renderCsv(statementTable(statement, context.profile, context.locale));
        if (format === 'pdf') return (await import('../../core/node/pdf')).renderPdf(statementDocDefinition(statement, { profile: context.profile, issuer: read.book.issuer, locale: context.locale }));
        return statementText(statement, context);
      },
      args.values.force === true,
    );
    return EXIT.ok;
  },
};
