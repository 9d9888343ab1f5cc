import type { TabId } from '../workbook/schema';
import type { CollectionIssueCode } from '../collections/collectionIssues';

/** Every problem a user can cause; the message map must cover each one (see messages.ts). */
export type IssueCode =
  // workbook and import rows
  | 'missingTab'
  | 'missingColumn'
  | 'required'
  | 'invalidNumber'
  | 'invalidInteger'
  | 'invalidDate'
  | 'invalidTaxId'
  | 'invalidChoice'
  | 'invalidDocumentType'
  | 'invalidEmail'
  | 'totalMismatch'
  | 'totalWithOtherTaxesMismatch'
  | 'vatMismatch'
  | 'exemptDocumentHasVat'
  | 'duplicateDocument'
  | 'missingReference'
  | 'unknownReference'
  | 'dueBeforeIssue'
  | 'totalNotPositive'
  | 'creditExceedsDocument'
  | 'duplicateTab'
  | 'csvEmpty'
  | 'csvColumnCount'
  // importing files (core/import, core/sii)
  | 'csvUnterminatedQuote'
  | 'csvTextAfterQuote'
  | 'importDifferentValue'
  | 'importDuplicateInFile'
  | 'importReferenceMissing'
  | 'importUnknownKind'
  | 'importNothingNew'
  | 'fileTooLarge'
  | 'xmlDoctype'
  | 'xmlUnreadable'
  | 'xmlNotDte'
  | 'xmlEncodingUnsupported'
  | 'xmlNotUtf8'
  | 'dteMissingField'
  | 'rcvMissingColumn'
  | 'rcvOrphanContinuation'
  // actions
  | 'unknownDocument'
  | 'ambiguousDocument'
  | 'invalidDocumentKey'
  | 'amountNotPositive'
  | 'ambiguousAmount'
  | 'currencyMismatch'
  | 'amountTooLarge'
  | 'amountExceedsBalance'
  | 'documentVoid'
  | 'documentAlreadyVoid'
  | 'documentHasPayments'
  | 'paymentOnNote'
  | 'documentChanged'
  | 'documentHasUnreadableRows'
  | 'workbookAmbiguous'
  | 'notAllowed'
  | 'invalidPeriod'
  | 'mailQuotaExhausted'
  | 'missingEmail'
  // query language
  | 'queryUnknownFilter'
  | 'queryEmptyValue'
  | 'queryUnterminatedQuote'
  | 'queryInvalidValue'
  | 'queryInvalidSort'
  | CollectionIssueCode;

/** Where the problem is: a workbook cell, a line of an imported file, a form field or a query word. */
export interface IssuePath {
  readonly tab?: TabId;
  readonly row?: number;
  readonly column?: string;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  readonly word?: string;
}

export type IssueParams = Readonly<Record<string, string | number>>;

export interface Issue {
  readonly code: IssueCode;
  readonly path: IssuePath;
  readonly params: IssueParams;
}

export const issue = (code: IssueCode, path: IssuePath = {}, params: IssueParams = {}): Issue => ({ code, path, params });

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...issues: Issue[]): Result<T> => ({ ok: false, issues });
