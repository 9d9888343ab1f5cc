export { readWorkbook, type WorkbookTables, type WorkbookRead, type TabLayout, type SheetValues, type ReadOptions } from './readWorkbook';
export { COLLECTION_TABS, COLLECTION_TAB_IDS, type CollectionTabId } from './collectionTabs';
export { TABS, TAB_IDS, COMPANY_TAB, INVOICE_COLUMNS, DERIVED_COLUMNS, OTHER_TAXES_COLUMN, canonicalHeaders, findTabName, mapColumns, headerKey, type TabId, type TabSpec, type ColumnSpec, type ColumnMap } from './schema';
export { asLiteralText, isDateValue, isInstantValue, type CellValue, type CellUpdate, type RowAppend, type ChangePlan } from './changes';
export { rowValues } from './rowValues';
export { parseDocumentKey } from './documentKey';
export {
  parseOrigin,
  parseDocumentState,
  parsePaymentStatus,
  ORIGIN_LABELS,
  STATE_LABELS,
  PAYMENT_STATUS_LABELS,
  PAYMENT_STATUS_EN,
  parseChoice,
  choiceValues,
  canonicalPaymentMethod,
  paymentMethodOptions,
  type PaymentMethod,
  choiceLabel,
  choiceLabels,
  allowedChoices,
  isChoiceId,
  type ChoiceId,
  type ChoiceValue,
} from './choices';
export { documentOf, type DocumentIndex } from './readers';
export { type Cell, cellText, isBlank, parseAmountCell, parseDateCell, parseIntegerCell, parseDecimalCell, parseYesNoCell } from './cells';
