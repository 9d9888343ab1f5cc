import type { Locale, TaxProfile } from '../core';
import type { WorkbookStore } from '../core/node/store';

/** What the bin entry (or a test) hands to `run`: no globals are read past this point. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(chunk: string | Uint8Array): unknown };
  readonly stderr: { write(text: string): unknown };
  /** The clock; defaults to the system's. */
  readonly now?: () => Date;
}

export type OutputFormat = 'table' | 'json' | 'csv' | 'xlsx' | 'pdf';

/** Everything a command needs, resolved from argv, the environment and the clock. */
export interface CommandContext {
  readonly io: CliIo;
  readonly locale: Locale;
  readonly profile: TaxProfile;
  /** Absolute path of the workbook (--workbook, FACTURAS_WORKBOOK or ./facturas.xlsx). */
  readonly workbookPath: string;
  /** --as-of, or today in FACTURAS_TIMEZONE. */
  readonly asOf: string;
  readonly timeZone: string;
  /** --format when given; each command decides its default and which formats it takes. */
  readonly format: OutputFormat | undefined;
  readonly now: () => Date;
  openStore(): WorkbookStore;
  /** One line (or block) to stdout. */
  print(text: string): void;
  /** One line to stderr. */
  warn(text: string): void;
  /** Resolves a user-given path against the working folder. */
  resolvePath(path: string): string;
}

export type OptionType = 'string' | 'boolean';

export interface CommandArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

export interface Localized {
  readonly es: string;
  readonly en: string;
}

export interface OptionHelp {
  readonly name: string;
  readonly type: OptionType;
  /** E.g. `N`, `YYYY-MM`, shown after the option name. */
  readonly value?: string;
  readonly help: Localized;
}

/**
 * One `facturas <name>`: cli/commands/<name>.ts exports `command` of this shape
 * (cli/commands/serve.ts too). `run` returns the exit code and never calls process.exit.
 */
export interface Command {
  readonly name: string;
  /** Arguments after the command name, e.g. `[TIPO-]FOLIO --amount N`. */
  readonly usage: Localized;
  /** What it does, a sentence or two for its --help. */
  readonly description: Localized;
  readonly options: readonly OptionHelp[];
  /** The --format values it takes; the first is the default. Empty: no --format. */
  readonly formats: readonly OutputFormat[];
  /** Commands that never touch the workbook (help, init...) still get a context. */
  run(args: CommandArgs, context: CommandContext): Promise<number>;
}

/** A failure the user can fix: one line per reason on stderr, and an exit code. */
export class CliError extends Error {
  constructor(
    readonly lines: readonly string[],
    readonly exitCode: number = EXIT.failure,
  ) {
    super(lines.join('\n'));
    this.name = 'CliError';
  }
}

export const EXIT = {
  ok: 0,
  /** The command was understood and refused or failed: bad data, unknown document... */
  failure: 1,
  /** The command line itself is wrong: unknown option, bad value. */
  usage: 2,
} as const;
