import type { IsoDate, Minor } from '../model';
import type { Ledger } from '../ledger/buildLedger';
import type { TaxProfile } from '../tax/taxProfile';

/** ERPNext's Accounts Receivable ageing ranges, counted in days past the due date. */
export type AgingBucket = 'notDue' | 'days1to30' | 'days31to60' | 'days61to90' | 'over90';
export const AGING_BUCKETS: readonly AgingBucket[] = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'];

export type AgingAmounts = Readonly<Record<AgingBucket, Minor>> & { readonly total: Minor };

export interface AgingDocument {
  readonly type: number;
  readonly number: number;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  /** 0 or less when not yet due. */
  readonly daysOverdue: number;
  readonly bucket: AgingBucket;
  readonly total: Minor;
  readonly balance: Minor;
}

export interface AgingCustomer extends AgingAmounts {
  readonly customerTaxId: string;
  readonly customerName: string;
  /** What is past due: every bucket but notDue. */
  readonly overdue: Minor;
  /** Every document still owed, most days overdue first. */
  readonly documents: readonly AgingDocument[];
  /** The documents past their due date, most days overdue first. */
  readonly overdueDocuments: readonly AgingDocument[];
}

export interface AgingReport {
  readonly asOf: IsoDate;
  readonly currency: string;
  /** Largest debtors first. */
  readonly customers: readonly AgingCustomer[];
  readonly totals: AgingAmounts & { readonly overdue: Minor; readonly documentCount: number };
  /** Owed documents left out because their currency is not `currency`. */
  readonly otherCurrencyCount: number;
}

export function agingBucket(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'notDue';
  if (daysOverdue <= 30) return 'days1to30';
  if (daysOverdue <= 60) return 'days31to60';
  if (daysOverdue <= 90) return 'days61to90';
  return 'over90';
}

const emptyAmounts = (): Record<AgingBucket | 'total', number> => ({ notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0 });

/**
 * What is still owed as of the ledger's date (balance > 0, not void), by customer and by
 * days past due. Notes are folded into their invoice's balance, so only invoice-kind
 * documents appear; documents issued after the as-of date are left out.
 */
export function agingReport(ledger: Ledger, profile: TaxProfile, currency: string = profile.defaultCurrency): AgingReport {
  const byCustomer = new Map<string, { taxId: string; name: string; amounts: Record<AgingBucket | 'total', number>; documents: AgingDocument[] }>();
  const totals = emptyAmounts();
  let documentCount = 0;
  let otherCurrencyCount = 0;
  // Looked up once per type code and per tax id rather than once per document: a million documents repeat a handful of each.
  const compactTaxIds = new Map<string, string>();
  for (const view of ledger.views) {
    if (view.kind !== 'invoice') continue;
    if (view.paymentStatus === 'anulada' || view.balance <= 0 || view.issueDate > ledger.asOf) continue;
    if (view.currency !== currency) {
      otherCurrencyCount++;
      continue;
    }
    let compact = compactTaxIds.get(view.customerTaxId);
    if (compact === undefined) {
      compact = profile.compactTaxId(view.customerTaxId);
      compactTaxIds.set(view.customerTaxId, compact);
    }
    const key = compact || view.customerName;
    let customer = byCustomer.get(key);
    if (!customer) {
      customer = { taxId: view.customerTaxId, name: view.customerName, amounts: emptyAmounts(), documents: [] };
      byCustomer.set(key, customer);
    }
    const bucket = agingBucket(view.daysOverdue);
    customer.amounts[bucket] += view.balance;
    customer.amounts.total += view.balance;
    totals[bucket] += view.balance;
    totals.total += view.balance;
    documentCount++;
    customer.documents.push({
      type: view.type,
      number: view.number,
      issueDate: view.issueDate,
      dueDate: view.dueDate ?? view.issueDate,
      daysOverdue: view.daysOverdue,
      bucket,
      total: view.total,
      balance: view.balance,
    });
  }
  const mostOverdueFirst = (a: AgingDocument, b: AgingDocument): number => b.daysOverdue - a.daysOverdue || a.type - b.type || a.number - b.number;
  const customers: AgingCustomer[] = [...byCustomer.values()].map((c) => {
    const documents = [...c.documents].sort(mostOverdueFirst);
    return {
      customerTaxId: c.taxId,
      customerName: c.name,
      ...c.amounts,
      overdue: c.amounts.total - c.amounts.notDue,
      documents,
      overdueDocuments: documents.filter((d) => d.daysOverdue > 0),
    };
  });
  customers.sort((a, b) => b.total - a.total || a.customerName.localeCompare(b.customerName));
  return { asOf: ledger.asOf, currency, customers, totals: { ...totals, overdue: totals.total - totals.notDue, documentCount }, otherCurrencyCount };
}
