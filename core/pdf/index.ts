export type { DocDefinition, PdfContent, PdfText, PdfStack, PdfColumns, PdfTable, PdfTableCell, PdfStyle, PdfAlignment, PdfMargins } from './docDefinition';
export { reportDocDefinition } from './reportDocDefinition';
export { invoiceDocDefinition, type InvoicePdfInput } from './invoiceDocDefinition';
export { libroDeVentasDocDefinition } from './libroDeVentasDocDefinition';
export { lineAmount } from './lineAmount';
export { invoicePdfOfBook } from './invoicePdfOfBook';
export { statementDocDefinition } from './statementDocDefinition';
