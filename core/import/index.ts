export { decodeText, decodeAs, decodeUtf8, decodeWindows1252, decodeLatin1, encodingOfLabel, type DecodedText, type TextEncoding } from './decodeBytes';
export { readDelimited, detectDelimiter, type DelimitedRecord, type DelimitedRead } from './delimitedText';
export type { ImportKind, ImportSource, CandidateDocument, ImportProblem, OmittedLine, ParsedImportFile, InvoiceCellKey, LineCellKey } from './importFile';
export { parseFacturasCsv } from './facturasCsv';
export { decodeImportFile, parseImportFile, CSV_MAX_BYTES, type FileDecode } from './readImportFile';
export { planImport, readCandidateDocuments, type ImportPlanned, type FileOutcome } from './planImport';
export { formatImportProblem, importRefusedHeadline } from './importMessages';
export { fileOutcomeLine, refusalLines, IMPORT_KIND_LABELS, ENCODING_LABELS } from './importSummary';
