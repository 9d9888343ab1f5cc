import type { Locale } from '../i18n/locale';
import type { TextEncoding } from './decodeBytes';
import type { ImportKind, ImportProblem } from './importFile';
import { formatImportProblem, importRefusedHeadline } from './importMessages';
import type { FileOutcome } from './planImport';

export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, { es: string; en: string }>> = {
  'facturas-csv': { es: 'CSV de Facturas', en: 'Facturas CSV' },
  rcv: { es: 'exportación de ventas del RCV', en: 'RCV sales export' },
  dte: { es: 'XML de DTE', en: 'DTE XML' },
};

export const ENCODING_LABELS: Readonly<Record<TextEncoding, { es: string; en: string }>> = {
  'utf-8': { es: 'UTF-8', en: 'UTF-8' },
  'utf-8-bom': { es: 'UTF-8 con BOM', en: 'UTF-8 with BOM' },
  'windows-1252': { es: 'Windows-1252', en: 'Windows-1252' },
  'iso-8859-1': { es: 'ISO-8859-1', en: 'ISO-8859-1' },
};

/** One line per file: what it was, how it was decoded, and what it brings. */
export function fileOutcomeLine(outcome: FileOutcome, locale: Locale): string {
  const es = locale === 'es';
  const parts = [
    es ? `${outcome.added.length} ${outcome.added.length === 1 ? 'nuevo' : 'nuevos'}` : `${outcome.added.length} new`,
    es ? `${outcome.alreadyPresent.length} ya ${outcome.alreadyPresent.length === 1 ? 'estaba' : 'estaban'} en el libro` : `${outcome.alreadyPresent.length} already in the workbook`,
  ];
  const summaries = outcome.omitted.filter((o) => o.reason === 'boletaSummary').length;
  const unsupported = outcome.omitted.filter((o) => o.reason === 'unsupportedType');
  if (summaries > 0) parts.push(es ? `${summaries} de resumen de boletas, omitidas` : `${summaries} boleta summary lines, left out`);
  if (unsupported.length > 0) {
    const types = [...new Set(unsupported.map((o) => o.type))].join(', ');
    parts.push(es ? `${unsupported.length} de tipos que el libro no lleva (${types}), omitidas` : `${unsupported.length} of types the workbook does not keep (${types}), left out`);
  }
  return `${outcome.file} (${IMPORT_KIND_LABELS[outcome.kind][locale]}, ${ENCODING_LABELS[outcome.encoding][locale]}): ${parts.join(', ')}.`;
}

/** Every problem, grouped by file; a file with refused lines or documents is introduced by its headline. */
export function refusalLines(outcomes: readonly FileOutcome[], problems: readonly ImportProblem[], locale: Locale): string[] {
  const lines: string[] = [];
  const files = [...new Set([...outcomes.map((o) => o.file), ...problems.map((p) => p.source.file)])];
  for (const file of files) {
    const own = problems.filter((p) => p.source.file === file);
    if (own.length === 0) continue;
    const located = new Set(own.filter((p) => 'line' in p.source || 'document' in p.source).map((p) => JSON.stringify(p.source)));
    if (located.size > 0) lines.push(importRefusedHeadline(file, located.size, locale));
    const order = (p: ImportProblem): number => ('line' in p.source ? (p.source.line ?? 0) : 'document' in p.source ? (p.source.document ?? 0) : -1);
    lines.push(...[...own].sort((a, b) => order(a) - order(b)).map((p) => formatImportProblem(p, locale)));
  }
  if (files.length > 1)
    lines.push(locale === 'es' ? 'Los archivos de una importación van todos juntos o ninguno: no se importó ninguno.' : 'The files of one import go in together or not at all: none was imported.');
  return lines;
}
