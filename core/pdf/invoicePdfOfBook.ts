import type { Book, InvoiceView, IsoDate } from '../model';
import type { Locale } from '../i18n/locale';
import type { TaxProfile } from '../tax/taxProfile';
import type { DocDefinition } from './docDefinition';
import { invoiceDocDefinition } from './invoiceDocDefinition';

/** The invoice PDF as every face makes it: the document with its lines, payments, history, customer and issuer. */
export function invoicePdfOfBook(book: Book, view: InvoiceView, options: { readonly profile: TaxProfile; readonly locale: Locale; readonly asOf: IsoDate; readonly timeZone: string }): DocDefinition {
  return invoiceDocDefinition({
    view,
    lines: book.lines,
    payments: book.payments,
    history: book.history,
    customer: book.customers.find((c) => c.taxId === view.customerTaxId) ?? null,
    issuer: book.issuer,
    ...options,
  });
}
