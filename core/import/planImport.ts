import type { Book, DocumentKey, InvoiceDocument, InvoiceLine } from '../model';
import { documentKey } from '../model';
import { issue } from '../issues/issue';
import { buildLedger } from '../ledger/buildLedger';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import { formatMoney } from '../money/formatMoney';
import { toMajorUnits } from '../money/toMajorUnits';
import type { CellUpdate, CellValue, ChangePlan, RowAppend } from '../workbook/changes';
import { type Cell, parseIntegerCell } from '../workbook/cells';
import { ORIGIN_LABELS, PAYMENT_STATUS_LABELS, STATE_LABELS } from '../workbook/choices';
import { parseDocumentKey } from '../workbook/documentKey';
import { type TabLayout, type WorkbookRead, type WorkbookTables, readWorkbook } from '../workbook/readWorkbook';
import { rowValues } from '../workbook/rowValues';
import { DERIVED_COLUMNS, TABS, TAB_IDS, canonicalHeaders, headerKey } from '../workbook/schema';
import { refreshDerivedCells } from '../payments/refreshDerivedCells';
import type { CandidateDocument, ImportKind, ImportProblem, ImportSource, InvoiceCellKey, OmittedLine, ParsedImportFile } from './importFile';
import type { TextEncoding } from './decodeBytes';

/** What one file brings, for the summary and the sidebar's preview. */
export interface FileOutcome {
  readonly file: string;
  readonly kind: ImportKind;
  readonly encoding: TextEncoding;
  /** Documents to append, as `33-1023`. */
  readonly added: readonly string[];
  /** Already in the workbook (or earlier in this import) with the same type, folio, RUT and amounts. */
  readonly alreadyPresent: readonly string[];
  readonly omitted: readonly OmittedLine[];
  /** Lines or documents with at least one problem. */
  readonly refused: number;
}

export interface ImportPlanned {
  readonly plan: ChangePlan;
  readonly files: readonly FileOutcome[];
  readonly problems: readonly ImportProblem[];
  /** The documents the plan appends, as read. */
  readonly documents: readonly InvoiceDocument[];
}

/** Facturas input columns in the order of the synthetic tab the candidates are read on. */
const INPUT_COLUMNS = TABS.facturas.columns.filter((c) => !DERIVED_COLUMNS.some((d) => d.key === c.key));
const KEY_OF_HEADER = new Map(INPUT_COLUMNS.map((c) => [c.header, c.key as InvoiceCellKey]));
const LINE_COLUMNS = TABS.detalle.columns;

/** The stand-in invoice a note is read beside: valid, and large enough that no credit exceeds it. */
const STAND_IN: Readonly<Partial<Record<InvoiceCellKey, Cell>>> = {
  issueDate: '2000-01-01',
  customerTaxId: '66.666.666-6',
  customerName: '-',
  origin: 'Directa',
  net: 0,
  exempt: 1_000_000_000_000,
  tax: 0,
  otherTaxes: 0,
  total: 1_000_000_000_000,
  currency: 'CLP',
  state: 'Emitida',
};

interface ReadCandidate {
  readonly candidate: CandidateDocument;
  readonly fileIndex: number;
  readonly doc: Omit<InvoiceDocument, 'row'>;
  readonly lines: readonly Omit<InvoiceLine, 'row'>[];
  /** The reference as written, resolved only once every document of the import is known. */
  readonly referenceText: string;
}

const rawKey = (candidate: CandidateDocument, index: number): string => {
  const type = parseIntegerCell(candidate.cells.type);
  const number = parseIntegerCell(candidate.cells.number);
  return type === null || number === null ? `#${index}` : `${type}-${number}`;
};

/**
 * Reads every candidate with core's own sheet readers, on synthetic Facturas and Detalle tabs.
 * Documents sharing a type and folio go in separate rounds, since a sheet keeps only the first
 * of two equal keys and the comparison below needs both as read.
 */
function readCandidates(all: readonly { candidate: CandidateDocument; fileIndex: number }[], profile: TaxProfile, problems: ImportProblem[]): ReadCandidate[] {
  const occurrence = new Map<string, number>();
  const rounds: { candidate: CandidateDocument; fileIndex: number; order: number }[][] = [];
  all.forEach((entry, order) => {
    const key = rawKey(entry.candidate, order);
    const round = occurrence.get(key) ?? 0;
    occurrence.set(key, round + 1);
    (rounds[round] ??= []).push({ ...entry, order });
  });
  const read: (ReadCandidate & { order: number })[] = [];
  for (const round of rounds) {
    const facturas: Cell[][] = [INPUT_COLUMNS.map((c) => c.header)];
    const detalle: Cell[][] = [LINE_COLUMNS.map((c) => c.header)];
    const lineOwner: { entry: number; line: number }[] = [];
    const inRound = new Set(round.map((entry, index) => rawKey(entry.candidate, index)));
    round.forEach(({ candidate }, entry) => {
      facturas.push(INPUT_COLUMNS.map((c) => candidate.cells[c.key as InvoiceCellKey] ?? ''));
      candidate.lines.forEach((line, index) => {
        detalle.push(LINE_COLUMNS.map((c) => (c.key === 'type' || c.key === 'number' ? (candidate.cells[c.key] ?? '') : ((line as Record<string, Cell>)[c.key] ?? ''))));
        lineOwner.push({ entry, line: index + 1 });
      });
    });
    // A note is read only beside the document it amends: a stand-in for each target outside this round,
    // so the note's own cells are checked here; whether the target really exists is decided below.
    const standIns = new Set<string>();
    for (const { candidate } of round) {
      const target = parseDocumentKey(String(candidate.cells.reference ?? ''));
      const type = target && target.type === 0 ? profile.documentTypes.find((rule) => rule.kind === 'invoice')?.code : target?.type;
      if (!target || type === undefined || documentTypeRule(profile, type)?.kind !== 'invoice') continue;
      const key = `${type}-${target.number}`;
      if (inRound.has(key) || standIns.has(key)) continue;
      standIns.add(key);
      facturas.push(INPUT_COLUMNS.map((c) => STAND_IN[c.key as InvoiceCellKey] ?? (c.key === 'type' ? type : c.key === 'number' ? target.number : '')));
    }
    const tables: Record<string, readonly (readonly Cell[])[]> = { [TABS.facturas.name]: facturas, [TABS.detalle.name]: detalle };
    for (const id of TAB_IDS) if (id !== 'facturas' && id !== 'detalle') tables[TABS[id].name] = [canonicalHeaders(id)];
    const synthetic = readWorkbook(tables as WorkbookTables, { profile, timeZone: 'UTC' });
    const refused = new Set<number>();
    for (const found of synthetic.issues) {
      if (found.path.row === undefined) continue;
      if (found.path.tab === 'facturas') {
        // References are resolved, and credits weighed, against the workbook and the whole import below.
        if (found.code === 'unknownReference' || found.code === 'creditExceedsDocument' || found.path.row - 2 >= round.length) continue;
        const entry = round[found.path.row - 2]!;
        const key = found.path.column ? KEY_OF_HEADER.get(found.path.column) : undefined;
        problems.push({ source: entry.candidate.source, field: key ? (entry.candidate.fieldNames[key] ?? found.path.column) : found.path.column, issue: found });
        refused.add(found.path.row - 2);
      } else if (found.path.tab === 'detalle') {
        const owner = lineOwner[found.path.row - 2]!;
        if (found.code === 'unknownReference') continue;
        problems.push({ source: round[owner.entry]!.candidate.source, field: `Detalle ${owner.line}, ${found.path.column ?? ''}`.replace(/, $/, ''), issue: found });
        refused.add(owner.entry);
      }
    }
    const docsByRow = new Map(synthetic.book.documents.map((doc) => [doc.row, doc]));
    const linesByKey = new Map<string, Omit<InvoiceLine, 'row'>[]>();
    for (const line of synthetic.book.lines) {
      const { row: _row, ...rest } = line;
      const key = documentKey(line);
      linesByKey.set(key, [...(linesByKey.get(key) ?? []), rest]);
    }
    round.forEach((entry, index) => {
      const doc = docsByRow.get(index + 2);
      if (refused.has(index)) return;
      if (!doc) {
        // The reader left it out without naming a cell (a note it could not place): never dropped silently.
        const referenceText = String(entry.candidate.cells.reference ?? '').trim();
        problems.push({ source: entry.candidate.source, field: entry.candidate.fieldNames.reference, issue: issue('importReferenceMissing', {}, { value: referenceText }) });
        return;
      }
      const { row: _row, ...rest } = doc;
      read.push({
        candidate: entry.candidate,
        fileIndex: entry.fileIndex,
        order: entry.order,
        doc: rest,
        lines: linesByKey.get(documentKey(doc)) ?? [],
        referenceText: String(entry.candidate.cells.reference ?? '').trim(),
      });
    });
  }
  return read.sort((a, b) => a.order - b.order);
}

/** The documents of parsed files as core reads them, each with where it came from; for comparing without writing. */
export function readCandidateDocuments(
  files: readonly ParsedImportFile[],
  profile: TaxProfile,
): { documents: { doc: Omit<InvoiceDocument, 'row'>; source: ImportSource; fileIndex: number; candidateIndex: number }[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = files.flatMap((file) => file.problems);
  const all = files.flatMap((file, fileIndex) => file.candidates.map((candidate) => ({ candidate, fileIndex })));
  const indexOf = new Map(files.flatMap((file) => file.candidates.map((candidate, index) => [candidate, index] as const)));
  const read = readCandidates(all, profile, problems);
  return { documents: read.map((entry) => ({ doc: entry.doc, source: entry.candidate.source, fileIndex: entry.fileIndex, candidateIndex: indexOf.get(entry.candidate)! })), problems };
}

type Compared = 'customerTaxId' | 'net' | 'exempt' | 'tax' | 'otherTaxes' | 'total';
const COMPARED: readonly Compared[] = ['customerTaxId', 'net', 'exempt', 'tax', 'otherTaxes', 'total'];

function differences(existing: Omit<InvoiceDocument, 'row'>, incoming: Omit<InvoiceDocument, 'row'>, profile: TaxProfile): Compared[] {
  return COMPARED.filter((field) => (field === 'customerTaxId' ? profile.compactTaxId(existing.customerTaxId) !== profile.compactTaxId(incoming.customerTaxId) : existing[field] !== incoming[field]));
}

const shown = (doc: Omit<InvoiceDocument, 'row'>, field: Compared): string => {
  if (field === 'customerTaxId') return doc.customerTaxId;
  return formatMoney(doc[field], doc.currency);
};

/** A note's reference as written: `33-1023`, or a bare folio meaning the one invoice-kind document with it. */
function resolve(reference: DocumentKey, byKey: ReadonlyMap<string, Omit<InvoiceDocument, 'row'>>, profile: TaxProfile): Omit<InvoiceDocument, 'row'> | undefined {
  if (reference.type !== 0) return byKey.get(documentKey(reference));
  const found = profile.documentTypes
    .filter((rule) => rule.kind === 'invoice')
    .map((rule) => byKey.get(`${rule.code}-${reference.number}`))
    .filter((d) => d !== undefined);
  return found.length === 1 ? found[0] : undefined;
}

const where = (source: ImportSource | { file: string }): string => JSON.stringify(source);

/**
 * A document's Facturas fields as a person would type them (amounts in major units, origin and
 * state as their Spanish labels), with dates as `date` writes them: the synthetic tab's cells and
 * the appended rows are the same fields.
 */
function documentFields<D>(doc: InvoiceDocument, date: (iso: string) => D) {
  const major = (amount: number) => toMajorUnits(amount, doc.currency);
  return {
    type: doc.type,
    number: doc.number,
    issueDate: date(doc.issueDate),
    dueDate: doc.dueDate ? date(doc.dueDate) : null,
    customerTaxId: doc.customerTaxId,
    customerName: doc.customerName,
    email: doc.email,
    origin: ORIGIN_LABELS[doc.origin].es,
    originRef: doc.originRef,
    net: major(doc.net),
    exempt: major(doc.exempt),
    tax: major(doc.tax),
    otherTaxes: major(doc.otherTaxes),
    total: major(doc.total),
    currency: doc.currency,
    state: STATE_LABELS[doc.state].es,
    reference: doc.reference ? documentKey(doc.reference) : '',
    notes: doc.notes,
  };
}

/** A document as cells in the synthetic tab's column order, so core's reader can see it beside the imported ones. */
const documentCells = (doc: InvoiceDocument): Cell[] => {
  const byKey: Partial<Record<InvoiceCellKey, Cell>> = documentFields(doc, (iso) => iso);
  return INPUT_COLUMNS.map((c) => byKey[c.key as InvoiceCellKey] ?? '');
};

/**
 * A credit note may not take back more than what remains of the document it amends, counting the
 * workbook's notes and the import's: core's own reader decides it, over the families the import touches.
 */
function excessCredits(existing: readonly InvoiceDocument[], imported: readonly InvoiceDocument[], entries: readonly ReadCandidate[], profile: TaxProfile): ImportProblem[] {
  const targets = new Set(imported.filter((doc) => doc.reference).map((doc) => documentKey(doc.reference!)));
  if (targets.size === 0) return [];
  const inFamily = (doc: InvoiceDocument) => targets.has(documentKey(doc.reference ?? doc));
  const before = existing.filter(inFamily);
  const mine = imported.map((doc, index) => ({ doc, entry: entries[index]! })).filter(({ doc }) => inFamily(doc));
  const tables: Record<string, readonly (readonly Cell[])[]> = {
    [TABS.facturas.name]: [INPUT_COLUMNS.map((c) => c.header), ...before.map(documentCells), ...mine.map(({ doc }) => documentCells(doc))],
  };
  for (const id of TAB_IDS) if (id !== 'facturas') tables[TABS[id].name] = [canonicalHeaders(id)];
  const synthetic = readWorkbook(tables as WorkbookTables, { profile, timeZone: 'UTC' });
  return synthetic.issues
    .filter((found) => found.code === 'creditExceedsDocument' && found.path.row !== undefined && found.path.row - 2 >= before.length)
    .map((found) => {
      const entry = mine[found.path.row! - 2 - before.length]!.entry;
      return { source: entry.candidate.source, field: entry.candidate.fieldNames.total, issue: found };
    });
}

/**
 * One plan for every file of one import, over a fresh read: all of them go in or none.
 * A document already in the workbook with the same type, folio, RUT and amounts is skipped
 * (importing the month's RCV again is normal); the same type and folio with other data refuses,
 * naming each difference; a note must find the document it amends in the workbook or the import.
 */
export function planImport(files: readonly ParsedImportFile[], read: WorkbookRead, profile: TaxProfile, asOf: string): ImportPlanned {
  const problems: ImportProblem[] = files.flatMap((file) => file.problems);
  const layout = read.layout.facturas;
  const detalleLayout = read.layout.detalle;
  const empty = (): ImportPlanned => ({ plan: { updates: [], appends: [] }, files: outcomes, problems, documents: [] });
  const added = files.map((): string[] => []);
  const present = files.map((): string[] => []);
  const refusedSources = files.map(() => new Set<string>());
  const outcomes: FileOutcome[] = [];
  const finish = () => {
    for (const problem of problems) {
      const index = files.findIndex((f) => f.file === problem.source.file);
      if (index >= 0) refusedSources[index]!.add(where(problem.source));
    }
    files.forEach((file, index) =>
      outcomes.push({ file: file.file, kind: file.kind, encoding: file.encoding, added: added[index]!, alreadyPresent: present[index]!, omitted: file.omitted, refused: refusedSources[index]!.size }),
    );
  };
  if (!layout) {
    problems.push({ source: { file: files[0]?.file ?? '' }, issue: issue('missingTab', { tab: 'facturas' }, { tab: 'Facturas' }) });
    finish();
    return empty();
  }

  const all = files.flatMap((file, fileIndex) => file.candidates.map((candidate) => ({ candidate, fileIndex })));
  const candidates = readCandidates(all, profile, problems);

  const existingByKey = new Map<string, InvoiceDocument>(read.book.documents.map((doc) => [documentKey(doc), doc]));
  const importedByKey = new Map<string, ReadCandidate>();
  const accepted: ReadCandidate[] = [];
  for (const entry of candidates) {
    const key = documentKey(entry.doc);
    const existing = existingByKey.get(key);
    const earlier = importedByKey.get(key);
    const against = existing ?? earlier?.doc;
    if (earlier && earlier.fileIndex === entry.fileIndex && !existing) {
      // The same file listing a document twice is a mistake in the file, whatever the data.
      problems.push({
        source: entry.candidate.source,
        field: entry.candidate.fieldNames.number,
        issue: issue('importDuplicateInFile', {}, { key, line: earlier.candidate.source.line ?? earlier.candidate.source.document ?? 0 }),
      });
      continue;
    }
    if (against) {
      const differing = differences(against, entry.doc, profile);
      if (differing.length === 0) {
        present[entry.fileIndex]!.push(key);
        continue;
      }
      const earlierSource = earlier?.candidate.source;
      const place: Record<string, string | number> = existing
        ? { row: existing.row }
        : { otherFile: earlierSource!.file, otherLine: earlierSource!.line ?? 0, otherDocument: earlierSource!.document ?? 0 };
      for (const field of differing) {
        problems.push({
          source: entry.candidate.source,
          field: entry.candidate.fieldNames[field],
          issue: issue('importDifferentValue', {}, { key, ...place, field: entry.candidate.fieldNames[field] ?? field, existing: shown(against, field), value: shown(entry.doc, field) }),
        });
      }
      continue;
    }
    if (entry.doc.otherTaxes !== 0 && layout.columns.otherTaxes === undefined) {
      problems.push({
        source: entry.candidate.source,
        field: entry.candidate.fieldNames.otherTaxes,
        issue: issue('missingColumn', { tab: 'facturas' }, { column: 'Otros impuestos', alias: 'Other taxes' }),
      });
      continue;
    }
    if (entry.lines.length > 0 && !detalleLayout) {
      problems.push({ source: entry.candidate.source, issue: issue('missingTab', { tab: 'detalle' }, { tab: 'Detalle' }) });
      continue;
    }
    importedByKey.set(key, entry);
    accepted.push(entry);
  }

  // Notes find the document they amend in the workbook or anywhere in this import.
  const known = new Map<string, Omit<InvoiceDocument, 'row'>>([...existingByKey, ...[...importedByKey].map(([k, v]) => [k, v.doc] as const)]);
  const resolved: InvoiceDocument[] = [];
  const resolvedEntries: ReadCandidate[] = [];
  for (const entry of accepted) {
    let reference: DocumentKey | null = entry.doc.reference;
    if (entry.referenceText !== '') {
      const parsed = parseDocumentKey(entry.referenceText);
      const target = parsed ? resolve(parsed, known, profile) : undefined;
      if (!target || documentKey(target) === documentKey(entry.doc)) {
        problems.push({ source: entry.candidate.source, field: entry.candidate.fieldNames.reference, issue: issue('importReferenceMissing', {}, { value: entry.referenceText }) });
        continue;
      }
      reference = { type: target.type, number: target.number };
    }
    resolvedEntries.push(entry);
    resolved.push({ ...entry.doc, reference, row: layout.lastRow + 1 + resolved.length });
  }

  problems.push(...excessCredits(read.book.documents, resolved, resolvedEntries, profile));
  if (problems.length > 0) {
    finish();
    return empty();
  }
  resolvedEntries.forEach((entry) => added[entry.fileIndex]!.push(documentKey(entry.doc)));

  // Only the imported documents and the families of the ones their notes amend can move: the ledger is built over those alone.
  const amendedKeys = new Set(resolved.filter((d) => d.reference && existingByKey.has(documentKey(d.reference))).map((d) => documentKey(d.reference!)));
  const touched = read.book.documents.filter((doc) => amendedKeys.has(documentKey(doc.reference ?? doc)));
  const touchedKeys = new Set(touched.map(documentKey));
  const payments = read.book.payments.filter((p) => touchedKeys.has(documentKey(p)));
  const before: Book = { ...read.book, documents: touched, payments };
  const after: Book = { ...before, documents: [...touched, ...resolved] };
  const ledger = buildLedger(after, asOf, profile);
  const appends: RowAppend[] = resolved.map((doc, index) => {
    const view = ledger.byKey(doc.type, doc.number)!;
    const { otherTaxes, ...fields } = documentFields<CellValue>(doc, (iso) => ({ date: iso }));
    const byKey: Record<string, CellValue> = {
      ...fields,
      paid: toMajorUnits(view.paid, doc.currency),
      balance: toMajorUnits(view.balance, doc.currency),
      paymentStatus: PAYMENT_STATUS_LABELS[view.paymentStatus].es,
    };
    // Otros impuestos only where the sheet has the column (older sheets keep their layout).
    if (layout.columns.otherTaxes !== undefined) byKey.otherTaxes = otherTaxes;
    const values = rowValues(layout, byKey);
    // The accountant's own columns, when the file has them too, come along as text.
    const extra = resolvedEntries[index]!.candidate.extraCells ?? {};
    for (const [title, text] of Object.entries(extra)) {
      const target = layout.header.findIndex((h) => headerKey(h) === headerKey(title));
      if (target >= 0 && !Object.values(layout.columns).includes(target)) values[target] = text;
    }
    return { tab: 'facturas', values };
  });
  for (const [index, entry] of resolvedEntries.entries()) {
    const doc = resolved[index]!;
    for (const line of entry.lines) {
      appends.push({
        tab: 'detalle',
        values: rowValues(detalleLayout as TabLayout, {
          type: doc.type,
          number: doc.number,
          description: line.description,
          quantity: line.quantityMilli / 1000,
          unitPrice: toMajorUnits(line.unitPrice, doc.currency),
          discount: line.discountBasisPoints / 100,
          exempt: line.exempt ? 'sí' : 'no',
        }),
      });
    }
  }

  // Notes move the balance of the documents they amend that are already in the sheet (and of those documents' other notes).
  const amended = [...amendedKeys].map((key) => existingByKey.get(key)!);
  const updates: CellUpdate[] = amended.length === 0 ? [] : refreshDerivedCells(layout, buildLedger(before, asOf, profile), ledger, amended);
  finish();
  return { plan: { updates, appends }, files: outcomes, problems, documents: resolved };
}
