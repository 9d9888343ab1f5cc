import { z } from 'zod';
import { type ReportTable, PAYMENT_STATUS_EN, agingReport, f29Debits, f29Table, agingTable, libroDeVentas, libroDeVentasTable, renderCsv, renderTextTable, reportDocDefinition, statusSummary, statusSummaryTable } from '../../core';
import { expectPositionals } from '../args';
import { type Command, type CommandContext, type OutputFormat, CliError, EXIT } from '../command';
import { messages } from '../messages';
import { issuesError, json } from '../output';
import { writeOutputFile } from '../outputFile';
import { periodOption, textOption, validate } from '../schemas';
import { readLedger } from '../workbook';
import { kpisReport } from '../kpisReport';
import { predictedAgingTable, withPredictedPayDates } from '../../core';

const REPORTS = ['status', 'aging', 'libro-ventas', 'f29', 'kpis'] as const;

/** The --force option of the commands that write an --out file. */
export const FORCE_OPTION = { name: 'force', type: 'boolean', help: { es: 'reemplaza el archivo --out si ya existe', en: 'replaces the --out file if it exists' } } as const;

/** Text formats go to stdout unless --out says otherwise; xlsx and pdf always go to a file. */
export async function deliver(context: CommandContext, format: OutputFormat, out: string | undefined, content: () => Promise<string | Buffer>, force = false): Promise<void> {
  const m = messages(context.locale);
  if (out === undefined && (format === 'xlsx' || format === 'pdf')) throw new CliError([m.outRequired(format)], EXIT.usage);
  const bytes = await content();
  if (out === undefined) {
    context.io.stdout.write(typeof bytes === 'string' && !bytes.endsWith('\n') ? `${bytes}\n` : bytes);
    return;
  }
  const target = context.resolvePath(out);
  await writeOutputFile(target, bytes, { workbookPath: context.workbookPath, force, locale: context.locale });
  context.print(m.saved(target));
}

export async function renderTable(table: ReportTable, format: OutputFormat): Promise<string | Buffer> {
  switch (format) {
    case 'csv':
      return renderCsv(table);
    case 'xlsx':
      return (await import('../../core/node/reportXlsx')).renderReportXlsx(table);
    case 'pdf':
      return (await import('../../core/node/pdf')).renderPdf(reportDocDefinition(table));
    default:
      return renderTextTable(table);
  }
}

export const command: Command = {
  name: 'report',
  usage: { es: 'status|aging|libro-ventas|f29|kpis [--period AAAA-MM] [--out ARCHIVO [--force]]', en: 'status|aging|libro-ventas|f29|kpis [--period YYYY-MM] [--out FILE [--force]]' },
  description: {
    es: 'Informes a la fecha de corte: status (documentos y saldos por estado de pago), aging (saldos por cobrar por antigüedad y cliente), libro-ventas (Libro de Ventas del mes --period, por defecto el de --as-of), f29 (la sección de débitos del Formulario 29 del mes, con los códigos del SII) y kpis (ventas, por cobrar, DSO, CEI, más de 90 días, días de pago y mayores deudores del mes --period, a su último día).',
    en: 'Reports as of the as-of date: status (documents and balances per payment status), aging (receivables by age and customer), libro-ventas (the sales book of month --period, default that of --as-of), f29 (the debits section of the Formulario 29 of the month, with the codes of the SII) and kpis (sales, receivables, DSO, CEI, over-90 share, days to pay and largest debtors of month --period, as of its last day).',
  },
  options: [
    { name: 'period', type: 'string', value: 'YYYY-MM', help: { es: 'mes del Libro de Ventas, del F29 o de los indicadores', en: 'month of the sales book, the F29 or the KPIs' } },
    { name: 'out', type: 'string', value: 'FILE', help: { es: 'archivo donde guardarlo (obligatorio para xlsx y pdf)', en: 'file to save it to (required for xlsx and pdf)' } },
    FORCE_OPTION,
  ],
  formats: ['table', 'json', 'csv', 'xlsx', 'pdf'],
  async run(args, context) {
    const m = messages(context.locale);
    const [name] = expectPositionals(args, this, { min: 1, max: 1 }, m, context.locale);
    const options = validate(
      z.object({
        name: z
          .string()
          .transform((value, ctx) => ((REPORTS as readonly string[]).includes(value) ? (value as (typeof REPORTS)[number]) : (ctx.addIssue({ code: 'custom', message: m.badReport(value) }), z.NEVER))),
        period: periodOption(m).optional(),
        out: textOption('--out', m).optional(),
      }),
      { name, period: args.values.period, out: args.values.out },
      m,
    );
    if (options.period !== undefined && options.name !== 'libro-ventas' && options.name !== 'f29' && options.name !== 'kpis') throw new CliError([m.periodOnlyForLibro], EXIT.usage);
    const format = context.format ?? 'table';
    const { read, ledger } = await readLedger(context);
    const { locale, profile } = context;
    let table: ReportTable;
    let data: unknown;
    let appendix = '';
    if (options.name === 'status') {
      const summary = statusSummary(ledger, profile);
      // JSON speaks English, status names included (docs/cli.md, Output).
      data = { ...summary, lines: summary.lines.map((line) => ({ ...line, status: PAYMENT_STATUS_EN(line.status) })) };
      table = statusSummaryTable(summary, locale);
    } else if (options.name === 'aging') {
      const aging = withPredictedPayDates(agingReport(ledger, profile), read.book, profile);
      data = aging;
      table = predictedAgingTable(aging, locale);
    } else if (options.name === 'f29') {
      const debits = f29Debits(read.book, options.period ?? context.asOf.slice(0, 7), locale);
      data = debits;
      table = f29Table(debits, locale);
    } else if (options.name === 'kpis') {
      const kpis = kpisReport(read, options.period ?? context.asOf.slice(0, 7), context);
      data = kpis.data;
      table = kpis.table;
      appendix = kpis.appendix;
    } else {
      const libro = libroDeVentas(read.book, options.period ?? context.asOf.slice(0, 7), profile);
      if (!libro.ok) throw issuesError(libro.issues, locale);
      data = libro.value;
      table = libroDeVentasTable(libro.value, locale, profile);
    }
    await deliver(
      context,
      format,
      options.out,
      async () => (format === 'json' ? json(data) : format === 'table' ? `${String(await renderTable(table, format)).trimEnd()}\n${appendix}` : renderTable(table, format)),
      args.values.force === true,
    );
    return EXIT.ok;
  },
};
