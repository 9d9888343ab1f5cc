import { z } from 'zod';
import { decodeImportFile, formatImportProblem, readRcvDocuments, rcvPeriod, reconcile, reconciliationTable } from '../../core';
import { expectPositionals } from '../args';
import { type Command, CliError, EXIT } from '../command';
import { messages } from '../messages';
import { json } from '../output';
import { periodOption, textOption, validate } from '../schemas';
import { readLedger } from '../workbook';
import { readInputFile } from '../inputFile';
import { FORCE_OPTION, deliver, renderTable } from './report';
import { saveLastClaims } from '../../core/node/siiClaimsFile';

export const command: Command = {
  name: 'sii',
  usage: { es: 'reconcile RCV.csv [--period AAAA-MM] [--out ARCHIVO [--force]]', en: 'reconcile RCV.csv [--period YYYY-MM] [--out FILE [--force]]' },
  description: {
    es: 'Concilia los documentos del libro de un mes con la exportación de ventas del RCV del SII, sin cambiar nada: los que están solo en el RCV o solo en el libro, cada diferencia (fecha, RUT, exento, neto, IVA, otros impuestos, total) y los reclamados por el cliente. Los anulados y las boletas (39, que el RCV trae como resumen) no se cuentan como faltantes. --period: por defecto el mes de los documentos del RCV.',
    en: "Reconciles the workbook's documents of a month with the SII's RCV sales export, changing nothing: those only in the RCV or only in the workbook, each difference (date, RUT, exempt, net, VAT, other taxes, total) and those the customer claimed. Void documents and boletas (39, which the RCV holds as a summary) are never counted missing. --period: default the month of the RCV's documents.",
  },
  options: [
    { name: 'period', type: 'string', value: 'YYYY-MM', help: { es: 'mes a conciliar', en: 'month to reconcile' } },
    { name: 'out', type: 'string', value: 'FILE', help: { es: 'archivo donde guardarlo (obligatorio para xlsx)', en: 'file to save it to (required for xlsx)' } },
    FORCE_OPTION,
  ],
  formats: ['table', 'json', 'csv', 'xlsx'],
  async run(args, context) {
    const m = messages(context.locale);
    const [action, file] = expectPositionals(args, this, { min: 2, max: 2 }, m, context.locale);
    const options = validate(
      z.object({
        action: z.string().transform((value, ctx) => (value === 'reconcile' ? value : (ctx.addIssue({ code: 'custom', message: m.badSiiAction(value) }), z.NEVER))),
        period: periodOption(m).optional(),
        out: textOption('--out', m).optional(),
      }),
      { action, period: args.values.period, out: args.values.out },
      m,
    );
    const { name, bytes } = await readInputFile(context, file!);
    const decoded = decodeImportFile(name, bytes);
    if (!decoded.ok) throw new CliError([formatImportProblem(decoded.problem, context.locale)]);
    const rcv = readRcvDocuments(name, decoded.decoded, context.profile);
    if (!rcv.ok) throw new CliError(rcv.problems.map((p) => formatImportProblem(p, context.locale)));
    const { read } = await readLedger(context);
    const period = options.period ?? rcvPeriod(rcv.documents, context.asOf.slice(0, 7));
    const result = reconcile(read.book, rcv.documents, period, context.profile);
    // The bot's daily alert mentions the claims of the last reconciliation (docs/sii.md).
    await saveLastClaims(context.workbookPath, { period, reconciledAt: context.now().toISOString(), file: name, claimed: result.claimed });
    const format = context.format ?? 'table';
    await deliver(context, format, options.out, async () => (format === 'json' ? json(result) : renderTable(reconciliationTable(result, context.locale), format)), args.values.force === true);
    return EXIT.ok;
  },
};
