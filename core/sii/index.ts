export { parseRcvSales, isRcvSalesHeader, rcvDate, RCV_SALES_COLUMNS, type RcvSalesFile, type RcvFacts, type RcvOtherTax } from './rcvSales';
export { parseDteXml, decodeDteXml, declaredXmlEncoding, SII_DTE_NAMESPACE, DTE_XML_MAX_BYTES } from './dteXml';
export {
  reconcile,
  rcvPeriod,
  RECONCILED_FIELDS,
  type Reconciliation,
  type ReconciledDocument,
  type ReconciliationDifference,
  type ClaimedDocument,
  type ReconciledField,
  type RcvDocument,
} from './reconcile';
export { f29Debits, F29_COUNT_CODES, type F29Debits, type F29Line, type F29Code } from './f29';
export { reconciliationTable, f29Table, RECONCILED_FIELD_LABELS } from './siiTables';
export { readRcvDocuments, type RcvRead } from './readRcv';
export { legalDueDate, LEGAL_PAYMENT_DAYS } from './legalDueDate';
