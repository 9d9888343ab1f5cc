import type { DocumentKey } from '../model';

/** `33-1023`, `33 1023` or a bare folio `1023` (type 0: resolve by folio among invoices). */
export function parseDocumentKey(text: string): DocumentKey | null {
  const match = /^\s*(?:(\d{1,3})\s*[-\s/]\s*)?(\d{1,12})\s*$/.exec(String(text));
  if (!match) return null;
  const number = Number(match[2]);
  if (number <= 0) return null;
  return { type: match[1] ? Number(match[1]) : 0, number };
}
