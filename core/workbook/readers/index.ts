export { type ReadContext, type TabLayout, type SheetValues, type WorkbookTables, type RowReader, readRows, makeMemo, blockDocuments, touchesTypeAndFolio, type RowTouches } from './readContext';
export { rowFields } from './rowFields';
export { locateTabs } from './locateTabs';
export { readDocuments, documentOf, type DocumentIndex, type DocumentsRead } from './facturas';
export { readLines } from './detalle';
export { readPayments } from './pagos';
export { readCustomers } from './clientes';
export { readHistory } from './historial';
export { readIssuer } from './empresa';
