import path from 'node:path';
import { z } from 'zod';
import { CHILE, type Locale, isoDateInZone } from '../core';
import { openXlsxStore } from '../core/node/xlsxStore';
import { type CliIo, type Command, type CommandArgs, type CommandContext, CliError, EXIT } from './command';
import { messages } from './messages';
import { formatOption, isoDateOption, langOption, validate } from './schemas';

const DEFAULT_WORKBOOK = 'facturas.xlsx';
const DEFAULT_TIME_ZONE = 'America/Santiago';

function checkedTimeZone(zone: string, locale: Locale): string {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return zone;
  } catch {
    throw new CliError([messages(locale).badTimeZone(zone)], EXIT.usage);
  }
}

/** Global options and settings, checked once, for any command. */
export function buildContext(args: CommandArgs, io: CliIo, command: Command, fallbackLocale: Locale): CommandContext {
  const m0 = messages(fallbackLocale);
  const globals = validate(
    z.object({
      workbook: z.string().optional(),
      'as-of': isoDateOption('--as-of', m0).optional(),
      format: formatOption(m0).optional(),
      lang: langOption(m0).optional(),
    }),
    { workbook: args.values.workbook, 'as-of': args.values['as-of'], format: args.values.format, lang: args.values.lang },
    m0,
  );
  const locale: Locale = globals.lang ?? fallbackLocale;
  const m = messages(locale);
  if (globals.format !== undefined && !command.formats.includes(globals.format)) {
    throw new CliError([command.formats.length === 0 ? m.noFormat(command.name) : m.formatNotSupported(command.name, globals.format, command.formats.join(', '))], EXIT.usage);
  }
  const now = io.now ?? (() => new Date());
  // Checked even with --as-of: instants (Historial, PDFs) are shown in it too.
  const timeZone = checkedTimeZone(io.env.FACTURAS_TIMEZONE?.trim() || DEFAULT_TIME_ZONE, locale);
  const resolvePath = (target: string): string => path.resolve(io.cwd, target);
  const workbookPath = resolvePath(globals.workbook?.trim() || io.env.FACTURAS_WORKBOOK?.trim() || DEFAULT_WORKBOOK);
  const asOf = globals['as-of'] ?? isoDateInZone(now(), timeZone);
  return {
    io,
    locale,
    profile: CHILE,
    workbookPath,
    asOf,
    timeZone,
    format: globals.format,
    now,
    openStore: () => openXlsxStore(workbookPath, { profile: CHILE }),
    print: (text) => void io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    warn: (text) => void io.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    resolvePath,
  };
}
