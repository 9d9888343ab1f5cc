import { parseArgs } from 'node:util';
import { type CommandArgs, type OptionHelp, CliError, EXIT } from './command';
import type { Messages } from './messages';

/** Options every command takes. */
export const GLOBAL_OPTIONS: readonly OptionHelp[] = [
  {
    name: 'workbook',
    type: 'string',
    value: 'PATH',
    help: { es: 'libro .xlsx (o FACTURAS_WORKBOOK; por defecto ./facturas.xlsx)', en: '.xlsx workbook (or FACTURAS_WORKBOOK; default ./facturas.xlsx)' },
  },
  {
    name: 'as-of',
    type: 'string',
    value: 'YYYY-MM-DD',
    help: { es: 'fecha de corte (por defecto hoy en FACTURAS_TIMEZONE, America/Santiago)', en: 'as-of date (default today in FACTURAS_TIMEZONE, America/Santiago)' },
  },
  { name: 'format', type: 'string', value: 'FORMAT', help: { es: 'table, json o csv donde corresponda', en: 'table, json or csv where it applies' } },
  { name: 'lang', type: 'string', value: 'es|en', help: { es: 'idioma de los mensajes (o FACTURAS_LANG)', en: 'language of the messages (or FACTURAS_LANG)' } },
  { name: 'help', type: 'boolean', help: { es: 'muestra la ayuda', en: 'shows the help' } },
];

const takesValue = (name: string): boolean => GLOBAL_OPTIONS.some((o) => o.name === name && o.type === 'string');

/** The command name is the first word that is neither an option nor a global option's value. */
export function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token.startsWith('-')) {
      if (!token.includes('=') && takesValue(token.replace(/^--?/, ''))) i++;
      continue;
    }
    return { name: token, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, rest: [...argv] };
}

/** `--lang` or FACTURAS_LANG as early as possible, so even argument errors speak the user's language. */
export function guessLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--lang') return argv[i + 1];
    if (token.startsWith('--lang=')) return token.slice('--lang='.length);
  }
  return env.FACTURAS_LANG;
}

/**
 * Options by name with their values, every problem collected: unknown options, missing values,
 * values given to flags. Checking the values themselves is each command's zod schema's job.
 */
export function parseCommandArgs(argv: readonly string[], commandName: string, commandOptions: readonly OptionHelp[], m: Messages): CommandArgs {
  const known = [...GLOBAL_OPTIONS, ...commandOptions];
  const config = Object.fromEntries(known.map((o) => [o.name, { type: o.type }])) as Record<string, { type: 'string' | 'boolean' }>;
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = known.find((o) => o.name === token.name);
    if (!option) problems.push(m.unknownOption(token.rawName, commandName));
    else if (option.type === 'string' && token.value === undefined) problems.push(m.optionNeedsValue(token.rawName));
    else if (option.type === 'boolean' && token.inlineValue) problems.push(m.optionTakesNoValue(token.rawName));
  }
  if (problems.length > 0) throw new CliError(problems, EXIT.usage);
  return { positionals, values: values as Record<string, string | boolean | undefined> };
}

/** Checks how many words follow the command; the usage line says what they should be. */
export function expectPositionals(
  args: CommandArgs,
  command: { name: string; usage: { es: string; en: string } },
  range: { min: number; max: number },
  m: Messages,
  locale: 'es' | 'en',
): readonly string[] {
  if (args.positionals.length < range.min) throw new CliError([m.missingArgument(command.name, command.usage[locale])], EXIT.usage);
  if (args.positionals.length > range.max) throw new CliError([m.tooManyArguments(command.name, args.positionals[range.max]!)], EXIT.usage);
  return args.positionals;
}
