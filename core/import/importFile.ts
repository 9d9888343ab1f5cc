import type { Issue } from '../issues/issue';
import type { Cell } from '../workbook/cells';
import type { TextEncoding } from './decodeBytes';

export type ImportKind = 'facturas-csv' | 'rcv' | 'dte';

/** Where a document of an imported file comes from: a line of a CSV, or the n-th DTE of an XML. */
export interface ImportSource {
  readonly file: string;
  readonly line?: number;
  /** 1-based position of the DTE in its file (an EnvioDTE holds many). */
  readonly document?: number;
  /** The folio as written in the file, to name the document before it is read. */
  readonly folio: string;
}

/** Facturas column keys (core/workbook/schema.ts INVOICE_COLUMNS) a candidate can fill. */
export type InvoiceCellKey =
  | 'type'
  | 'number'
  | 'issueDate'
  | 'dueDate'
  | 'customerTaxId'
  | 'customerName'
  | 'email'
  | 'origin'
  | 'originRef'
  | 'net'
  | 'exempt'
  | 'tax'
  | 'otherTaxes'
  | 'total'
  | 'currency'
  | 'state'
  | 'reference'
  | 'notes';

export type LineCellKey = 'description' | 'quantity' | 'unitPrice' | 'discount' | 'exempt';

/**
 * A document as a file gives it, still as cells: core's Facturas and Detalle readers check it
 * exactly as they check a row typed into the sheet, so every rule exists once.
 */
export interface CandidateDocument {
  readonly source: ImportSource;
  readonly cells: Readonly<Partial<Record<InvoiceCellKey, Cell>>>;
  /** The file's own name for each field, so a problem names what the user sees (`Monto total`, `MntTotal`). */
  readonly fieldNames: Readonly<Partial<Record<InvoiceCellKey, string>>>;
  readonly lines: readonly Readonly<Partial<Record<LineCellKey, Cell>>>[];
  /** Extra columns of a Facturas CSV by header text, written to same-named columns of the sheet. */
  readonly extraCells?: Readonly<Record<string, string>>;
}

/** A problem with a file, a line or a document of it, named the way the user can find it. */
export interface ImportProblem {
  readonly source: ImportSource | { readonly file: string };
  /** The file's column or field. */
  readonly field?: string;
  readonly issue: Issue;
}

/** A document the file mentions that is not one to import, with why (a boletas summary, a type the workbook does not keep). */
export interface OmittedLine {
  readonly source: ImportSource;
  readonly reason: 'boletaSummary' | 'unsupportedType';
  readonly type: number;
}

/** One file, decoded and parsed, before it meets the workbook. */
export interface ParsedImportFile {
  readonly file: string;
  readonly kind: ImportKind;
  readonly encoding: TextEncoding;
  readonly candidates: readonly CandidateDocument[];
  readonly omitted: readonly OmittedLine[];
  /** Problems found without the workbook (shape, encoding, XML safety). Any one refuses the whole import. */
  readonly problems: readonly ImportProblem[];
}
