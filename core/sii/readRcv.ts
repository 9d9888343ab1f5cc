import { issue } from '../issues/issue';
import type { DecodedText } from '../import/decodeBytes';
import type { ImportProblem } from '../import/importFile';
import { readCandidateDocuments } from '../import/planImport';
import { parseImportFile } from '../import/readImportFile';
import type { TaxProfile } from '../tax/taxProfile';
import type { RcvDocument } from './reconcile';
import type { RcvSalesFile } from './rcvSales';

export type RcvRead = { readonly ok: true; readonly documents: readonly RcvDocument[]; readonly file: RcvSalesFile } | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** An RCV sales export read for comparing: each document as core reads it, with its claim date and other taxes. */
export function readRcvDocuments(name: string, decoded: DecodedText, profile: TaxProfile): RcvRead {
  const parsed = parseImportFile(name, decoded, profile);
  if (parsed.kind !== 'rcv') {
    return {
      ok: false,
      problems: parsed.problems.length > 0 ? parsed.problems : [{ source: { file: name }, issue: issue('rcvMissingColumn', {}, { column: 'Nro;Tipo Doc;Tipo Venta;Rut cliente' }) }],
    };
  }
  const file = parsed as RcvSalesFile;
  const { documents, problems } = readCandidateDocuments([file], profile);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, file, documents: documents.map((entry) => ({ doc: entry.doc, facts: file.facts[entry.candidateIndex]! })) };
}
