// The public face of core/: what the add-on, the bot and the CLI may use.
export * from './model';
export * from './money';
export * from './tax';
export * from './dates';
export * from './text';
export * from './issues';
export * from './workbook';
export * from './ledger';
export * from './payments';
export { invoiceJson, type InvoiceJson } from './views/invoiceJson';
export { parseLocale, LOCALES, type Locale } from './i18n/locale';
export { assertNever } from './assertNever';
export * from './query';
export * from './reports';
export * from './pdf';
export * from './collections';
export { formatInstant, formatQuantity, formatDiscount, formatCount, paymentStatusLabel, historyStatusLabel, echoInput, ECHO_LIMIT } from './present';
export * from './projection';
