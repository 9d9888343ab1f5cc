import type { Book } from '../model';

/**
 * Where a customer is written to: their Clientes email, else the Email of their latest document.
 * One pass over the documents for all the RUTs asked; a RUT with neither is left out.
 */
export function customerEmails(book: Book, taxIds: ReadonlySet<string>): Map<string, string> {
  const latest = new Map<string, { date: string; email: string }>();
  for (const doc of book.documents) {
    if (doc.email === '' || !taxIds.has(doc.customerTaxId)) continue;
    const current = latest.get(doc.customerTaxId);
    if (!current || doc.issueDate >= current.date) latest.set(doc.customerTaxId, { date: doc.issueDate, email: doc.email });
  }
  const emails = new Map<string, string>();
  for (const taxId of taxIds) {
    const email = book.customers.find((c) => c.taxId === taxId)?.email || latest.get(taxId)?.email || '';
    if (email !== '') emails.set(taxId, email);
  }
  return emails;
}
