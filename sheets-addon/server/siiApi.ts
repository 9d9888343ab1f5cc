import * as z from 'zod/mini';
import {
  type ChangePlan,
  type FileOutcome,
  type ImportProblem,
  type Reconciliation,
  type WorkbookRead,
  CHILE,
  issue,
  parseImportFile,
  planImport,
  rcvPeriod,
  readRcvDocuments,
  reconcile,
} from '../../core';
import type { AddonPorts } from './ports';
import { onlyChangedCells } from './onlyChangedCells';
import { readSheetBook } from './readSheetBook';

const PROFILE = CHILE;
/** google.script.run carries about 50 MB per call; the files of one import must fit in one call. */
const MAX_UPLOAD_CHARS = 40_000_000;

/** A file the sidebar read and decoded in the browser (Apps Script has no TextDecoder). */
export const SiiUploadSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)),
  text: z.string().check(z.maxLength(MAX_UPLOAD_CHARS)),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252', 'iso-8859-1']),
});
export type SiiUpload = z.infer<typeof SiiUploadSchema>;
const UploadsSchema = z.array(SiiUploadSchema).check(z.minLength(1), z.maxLength(200));

/** What an import would do (preview) or did: per file, and every problem as data for the sidebar to word. */
export interface SiiImportAnswer {
  readonly ok: boolean;
  readonly files: readonly FileOutcome[];
  readonly problems: readonly ImportProblem[];
}

export type SiiReconcileAnswer = { readonly ok: true; readonly value: Reconciliation } | { readonly ok: false; readonly problems: readonly ImportProblem[] };

const uploadProblem = (name: string): ImportProblem => ({ source: { file: name }, issue: issue('importUnknownKind') });

function parseUploads(input: unknown): { ok: true; uploads: SiiUpload[] } | { ok: false; answer: SiiImportAnswer } {
  const parsed = UploadsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, answer: { ok: false, files: [], problems: [uploadProblem(Array.isArray(input) ? String((input[0] as { name?: unknown })?.name ?? '') : '')] } };
  const total = parsed.data.reduce((sum, upload) => sum + upload.text.length, 0);
  if (total > MAX_UPLOAD_CHARS)
    return {
      ok: false,
      answer: { ok: false, files: [], problems: [{ source: { file: parsed.data[0]!.name }, issue: issue('fileTooLarge', {}, { size: total, limit: MAX_UPLOAD_CHARS, what: 'google.script.run' }) }] },
    };
  return { ok: true, uploads: parsed.data };
}

/** The sidebar's SII section: preview and import RCV, DTE or Facturas CSV files, and reconcile with the RCV. */
export function createSiiApi(ports: AddonPorts) {
  const { sheet, session } = ports;
  const readBook = () => readSheetBook(sheet);
  const plan = (uploads: readonly SiiUpload[], read: WorkbookRead) =>
    planImport(
      uploads.map((u) => parseImportFile(u.name, { text: u.text, encoding: u.encoding }, PROFILE)),
      read,
      PROFILE,
      session.today(),
    );

  return {
    /** Reads everything and writes nothing: what would be added, what is already there, what refuses the import. */
    previewSiiImport(input: unknown): SiiImportAnswer {
      const uploads = parseUploads(input);
      if (!uploads.ok) return uploads.answer;
      const planned = plan(uploads.uploads, readBook().read);
      return { ok: planned.problems.length === 0, files: planned.files, problems: planned.problems };
    },
    /** The same plan on a fresh read under the document lock: all the files or none. */
    importSiiFiles(input: unknown): SiiImportAnswer {
      const uploads = parseUploads(input);
      if (!uploads.ok) return uploads.answer;
      return sheet.withDocumentLock(() => {
        const { read, tables } = readBook();
        const planned = plan(uploads.uploads, read);
        const changes: ChangePlan = planned.plan;
        if (planned.problems.length === 0 && (changes.updates.length > 0 || changes.appends.length > 0)) sheet.applyPlan(onlyChangedCells(changes, tables, read.layout), read.layout);
        return { ok: planned.problems.length === 0, files: planned.files, problems: planned.problems };
      });
    },
    /** The workbook's month against an RCV export; changes nothing. */
    reconcileRcv(input: unknown, period?: unknown): SiiReconcileAnswer {
      const parsed = SiiUploadSchema.safeParse(input);
      if (!parsed.success) return { ok: false, problems: [uploadProblem('')] };
      const rcv = readRcvDocuments(parsed.data.name, { text: parsed.data.text, encoding: parsed.data.encoding }, PROFILE);
      if (!rcv.ok) return { ok: false, problems: rcv.problems };
      const month = typeof period === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : rcvPeriod(rcv.documents, session.today().slice(0, 7));
      return { ok: true, value: reconcile(readBook().read.book, rcv.documents, month, PROFILE) };
    },
  };
}
