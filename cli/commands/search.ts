import { z } from 'zod';
import { DEFAULT_PAGE, formatDateCl, invoiceJson, queryHelp, renderCsv, renderTextTable, searchLedger } from '../../core';
import { type Command, EXIT } from '../command';
import { messages } from '../messages';
import { documentsTable, issuesError, json } from '../output';
import { validate, wholeNumberOption } from '../schemas';
import { readLedger } from '../workbook';

const MAX_LIMIT = 1_000_000;

export const command: Command = {
  name: 'search',
  usage: { es: '[CONSULTA] [--limit N] [--offset N]', en: '[QUERY] [--limit N] [--offset N]' },
  description: {
    es: `Busca documentos en el libro; sin consulta, los lista todos (lo más reciente primero).\n\n${queryHelp('es')}`,
    en: `Searches the workbook's documents; with no query, lists them all (newest first).\n\n${queryHelp('en')}`,
  },
  options: [
    { name: 'limit', type: 'string', value: 'N', help: { es: `cuántos mostrar (por defecto ${DEFAULT_PAGE.limit})`, en: `how many to show (default ${DEFAULT_PAGE.limit})` } },
    { name: 'offset', type: 'string', value: 'N', help: { es: 'cuántos saltar desde el primero (por defecto 0)', en: 'how many to skip from the first (default 0)' } },
  ],
  formats: ['table', 'json', 'csv'],
  async run(args, context) {
    const m = messages(context.locale);
    const options = validate(
      z.object({ limit: wholeNumberOption('--limit', 1, MAX_LIMIT, m).optional(), offset: wholeNumberOption('--offset', 0, MAX_LIMIT, m).optional() }),
      { limit: args.values.limit, offset: args.values.offset },
      m,
    );
    const page = { limit: options.limit ?? DEFAULT_PAGE.limit, offset: options.offset ?? 0 };
    const { ledger } = await readLedger(context);
    const text = args.positionals.join(' ');
    const result = searchLedger(ledger, text, page);
    if (!result.ok) throw issuesError(result.issues, context.locale);
    const found = result.value;
    const format = context.format ?? 'table';
    if (format === 'json') {
      context.print(json({ query: text, asOf: context.asOf, matched: found.matched, offset: found.offset, limit: found.limit, totals: found.totals, items: found.items.map(invoiceJson) }));
      return EXIT.ok;
    }
    const currency = found.totals[0]?.currency ?? context.profile.defaultCurrency;
    const table = documentsTable(found.items, {
      title: m.searchTitle(text),
      subtitle: m.searchSubtitle(found.items.length, found.matched, found.offset + 1, formatDateCl(context.asOf)),
      locale: context.locale,
      currency,
      footer: format === 'table' ? found.totals.filter((t) => t.currency === currency).map((t) => [null, null, null, null, null, m.totalsLine(t.count), t.total, t.balance, null]) : [],
    });
    context.io.stdout.write(format === 'csv' ? renderCsv(table) : renderTextTable(table));
    return EXIT.ok;
  },
};
