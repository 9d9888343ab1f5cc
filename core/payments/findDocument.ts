import type { InvoiceView } from '../model';
import { type Result, fail, issue, ok } from '../issues/issue';
import type { Ledger } from '../ledger/buildLedger';
import { parseDocumentKey } from '../workbook/documentKey';

/** `[TIPO-]FOLIO` as users write it; a bare folio must be unique across types. */
export function findDocument(ledger: Ledger, text: string): Result<InvoiceView> {
  const key = parseDocumentKey(text);
  if (!key) return fail(issue('invalidDocumentKey', {}, { value: text }));
  if (key.type !== 0) {
    const view = ledger.byKey(key.type, key.number);
    return view ? ok(view) : fail(issue('unknownDocument', {}, { value: `${key.type}-${key.number}` }));
  }
  const matches = ledger.views.filter((view) => view.number === key.number);
  if (matches.length === 0) return fail(issue('unknownDocument', {}, { value: text.trim() }));
  if (matches.length > 1) {
    const types = matches.map((m) => m.type).join(', ');
    return fail(issue('ambiguousDocument', {}, { value: text.trim(), types, example: `${matches[0]!.type}-${key.number}` }));
  }
  return ok(matches[0]!);
}
