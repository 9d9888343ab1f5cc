import type { IsoDate, Minor, PaymentStatus } from '../model';
import { PAYMENT_STATUSES } from '../model';
import type { Ledger } from '../ledger/buildLedger';
import type { TaxProfile } from '../tax/taxProfile';

export interface StatusSummaryLine {
  readonly status: PaymentStatus;
  readonly count: number;
  /** Sum of the documents' own totals, before payments and notes. */
  readonly total: Minor;
  /** Sum of what is still owed; overpaid documents count negative. */
  readonly balance: Minor;
}

export interface StatusSummary {
  readonly asOf: IsoDate;
  readonly currency: string;
  /** One line per status, in PAYMENT_STATUSES order, zeros included. */
  readonly lines: readonly StatusSummaryLine[];
  readonly totals: { readonly count: number; readonly total: Minor; readonly balance: Minor };
  /** Documents left out because their currency is not `currency`: their amounts cannot be added. */
  readonly otherCurrencyCount: number;
}

/**
 * Documents per payment status as of the ledger's date. Only invoice-kind documents count
 * (33, 34, 39 in Chile): notes (56, 61) are already folded into the balance of the invoice
 * they amend, so counting them again would count the same debt twice. Documents issued
 * after the as-of date did not exist yet and are left out.
 */
export function statusSummary(ledger: Ledger, profile: TaxProfile, currency: string = profile.defaultCurrency): StatusSummary {
  const sums = new Map<PaymentStatus, { count: number; total: number; balance: number }>();
  for (const status of PAYMENT_STATUSES) sums.set(status, { count: 0, total: 0, balance: 0 });
  let otherCurrencyCount = 0;
  for (const view of ledger.views) {
    if (view.kind !== 'invoice' || view.issueDate > ledger.asOf) continue;
    if (view.currency !== currency) {
      otherCurrencyCount++;
      continue;
    }
    const sum = sums.get(view.paymentStatus)!;
    sum.count++;
    sum.total += view.total;
    sum.balance += view.balance;
  }
  const lines = PAYMENT_STATUSES.map((status) => ({ status, ...sums.get(status)! }));
  const totals = lines.reduce((acc, line) => ({ count: acc.count + line.count, total: acc.total + line.total, balance: acc.balance + line.balance }), { count: 0, total: 0, balance: 0 });
  return { asOf: ledger.asOf, currency, lines, totals, otherCurrencyCount };
}
