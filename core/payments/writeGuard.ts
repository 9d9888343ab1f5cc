import type { DocumentKey } from '../model';
import { documentKey } from '../model';
import { type Issue, issue } from '../issues/issue';
import type { WorkbookRead } from '../workbook/readWorkbook';

/**
 * Why a write to these documents must not happen, if it must not: the workbook has two sheets
 * meaning the same tab (which one would be written is a guess), or rows that could not be read
 * touch a document (an unreadable Pagos row may be a payment already made: paying again would
 * pay twice). Every write plan (pay, void, a manual Estado edit, an import) asks this first.
 */
export function unsafeWriteIssues(read: WorkbookRead, documents: readonly (DocumentKey | null | undefined)[]): Issue[] {
  const problems: Issue[] = [];
  for (const duplicate of read.issues.filter((i) => i.code === 'duplicateTab')) {
    problems.push(issue('workbookAmbiguous', { tab: duplicate.path.tab }, { tab: String(duplicate.params.tab), names: String(duplicate.params.names) }));
  }
  const seen = new Set<string>();
  for (const document of documents) {
    if (!document) continue;
    const key = documentKey(document);
    if (seen.has(key)) continue;
    seen.add(key);
    const blocking = read.unreadable.get(key);
    if (!blocking || blocking.length === 0) continue;
    const rows = [...new Set(blocking.map((b) => `${b.path.tab ?? ''}:${b.path.row ?? ''}`))].join(',');
    problems.push(issue('documentHasUnreadableRows', {}, { key, rows }));
  }
  return problems;
}
