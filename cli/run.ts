import { parseLocale, type Locale } from '../core';
import { WorkbookExistsError, WorkbookNotFoundError, WorkbookUnreadableError } from '../core/node/xlsxFile';
import { SheetTooLargeError } from '../core/node/xlsxWrite';
import { type CliIo, CliError, EXIT } from './command';
import { guessLang, parseCommandArgs, splitCommand } from './args';
import { findCommand } from './commands';
import { buildContext } from './context';
import { commandHelp, generalHelp } from './help';
import { messages } from './messages';

const write = (stream: { write(text: string): unknown }, lines: readonly string[]): void => {
  for (const line of lines) stream.write(`${line}\n`);
};

/** Turns any failure into one line per reason and an exit code; never a stack unless FACTURAS_DEBUG. */
function reportFailure(error: unknown, io: CliIo, locale: Locale): number {
  const m = messages(locale);
  if (error instanceof CliError) {
    write(io.stderr, error.lines);
    return error.exitCode;
  }
  if (error instanceof WorkbookNotFoundError) write(io.stderr, [m.workbookNotFound(error.path)]);
  else if (error instanceof WorkbookExistsError) write(io.stderr, [m.workbookExists(error.path)]);
  else if (error instanceof WorkbookUnreadableError) write(io.stderr, [m.workbookUnreadable(error.path, error.reason)]);
  else if (error instanceof SheetTooLargeError) write(io.stderr, [m.sheetTooLarge(error.sheet, error.bytes)]);
  else if ((error as NodeJS.ErrnoException)?.code === 'ELOCKED') write(io.stderr, [m.workbookLocked(String((error as { file?: string }).file ?? ''))]);
  else {
    write(io.stderr, [m.unexpected(error instanceof Error ? error.message : String(error))]);
    if (io.env.FACTURAS_DEBUG && error instanceof Error && error.stack) write(io.stderr, [error.stack]);
  }
  return EXIT.failure;
}

/**
 * `facturas <command> [options]`: dispatches to cli/commands/<name>.ts and returns the exit code.
 * Only the bin entry (cli/main.ts) calls process.exit.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let locale: Locale = parseLocale(guessLang(argv, io.env));
  try {
    const m = messages(locale);
    const { name, rest } = splitCommand(argv);
    const wantsHelp = rest.includes('--help') || rest.includes('-h');
    if (name === undefined || name === 'help') {
      const topic = name === 'help' ? splitCommand(rest) : undefined;
      if (topic?.name === undefined) {
        if (name === undefined && !wantsHelp) {
          write(io.stderr, [m.missingCommand]);
          return EXIT.usage;
        }
        write(io.stdout, [generalHelp(locale)]);
        return EXIT.ok;
      }
      return run([topic.name, '--help', ...topic.rest], io);
    }
    const entry = findCommand(name);
    if (!entry) throw new CliError([m.unknownCommand(name)], EXIT.usage);
    const command = await entry.load();
    const args = parseCommandArgs(rest, name, command.options, m);
    if (args.values.help === true) {
      write(io.stdout, [commandHelp(command, locale)]);
      return EXIT.ok;
    }
    const context = buildContext(args, io, command, locale);
    locale = context.locale;
    return await command.run(args, context);
  } catch (error) {
    return reportFailure(error, io, locale);
  }
}
