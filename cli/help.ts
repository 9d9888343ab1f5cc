import type { Locale } from '../core';
import type { Command, OptionHelp } from './command';
import { GLOBAL_OPTIONS } from './args';
import { COMMANDS } from './commands';
import { messages } from './messages';

const optionLines = (options: readonly OptionHelp[], locale: Locale): string[] => {
  const names = options.map((o) => `--${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...names.map((n) => n.length));
  return options.map((o, i) => `  ${names[i]!.padEnd(width)}  ${o.help[locale]}`);
};

export function generalHelp(locale: Locale): string {
  const m = messages(locale);
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `${m.helpUsage}: facturas <${locale === 'es' ? 'comando' : 'command'}> [${locale === 'es' ? 'opciones' : 'options'}]`,
    '',
    `${m.helpCommands}:`,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[locale]}`),
    '',
    `${m.helpGlobal}:`,
    ...optionLines(GLOBAL_OPTIONS, locale),
    '',
    m.helpMore,
  ].join('\n');
}

export function commandHelp(command: Command, locale: Locale): string {
  const m = messages(locale);
  const lines = [`${m.helpUsage}: facturas ${command.name} ${command.usage[locale]}`.trimEnd(), '', command.description[locale]];
  if (command.options.length > 0) lines.push('', `${m.helpOptions}:`, ...optionLines(command.options, locale));
  lines.push('', `${m.helpGlobal}:`, ...optionLines(GLOBAL_OPTIONS, locale));
  if (command.formats.length > 0) lines.push(`  --format: ${command.formats.join(', ')}`);
  return lines.join('\n');
}
