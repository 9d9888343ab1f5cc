import type { Locale } from '../i18n/locale';
import { issueMessage } from '../issues/messages';
import type { ImportProblem } from './importFile';

/**
 * `ventas.csv, línea 3 (folio 90002), columna Total: …`, `envio.xml, documento 2 (folio 1001),
 * campo MntTotal: …` or `rcv.csv: …`: where in the user's file, then why.
 */
export function formatImportProblem(problem: ImportProblem, locale: Locale): string {
  const es = locale === 'es';
  const source = problem.source;
  const parts: string[] = [source.file];
  const folio = 'folio' in source && source.folio ? ` (${es ? 'folio' : 'number'} ${source.folio})` : '';
  if ('line' in source && source.line !== undefined) parts.push(`${es ? 'línea' : 'line'} ${source.line}${folio}`);
  else if ('document' in source && source.document !== undefined) parts.push(`${es ? 'documento' : 'document'} ${source.document}${folio}`);
  const isXml = 'document' in source && source.document !== undefined;
  if (problem.field) parts.push(`${isXml ? (es ? 'campo' : 'field') : es ? 'columna' : 'column'} ${problem.field}`);
  return `${parts.join(', ')}: ${issueMessage(problem.issue, locale)}`;
}

/** The first line of a refusal: which file, how many of its lines or documents, and that nothing was imported. */
export function importRefusedHeadline(file: string, refused: number, locale: Locale): string {
  if (locale === 'en') return `${file} was rejected: ${refused === 1 ? 'one row has errors' : `${refused} rows have errors`}; nothing was imported.`;
  return `Se rechazó ${file}: ${refused === 1 ? 'una fila tiene errores' : `${refused} filas tienen errores`}; no se importó nada.`;
}
