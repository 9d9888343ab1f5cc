import type { InvoiceView } from '../model';
import { PAYMENT_STATUS_LABELS } from '../workbook/choices';

/** The JSON shape of docs/cli.md (Output): English camelCase, plain integers, ISO dates, English status. */
export interface InvoiceJson {
  readonly type: number;
  readonly number: number;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly customerTaxId: string;
  readonly customerName: string;
  readonly origin: string;
  readonly originRef: string;
  readonly net: number;
  readonly exempt: number;
  readonly tax: number;
  readonly otherTaxes: number;
  readonly total: number;
  readonly currency: string;
  readonly state: string;
  readonly reference: string | null;
  readonly paid: number;
  readonly balance: number;
  readonly paymentStatus: string;
  readonly daysOverdue: number;
}

export function invoiceJson(view: InvoiceView): InvoiceJson {
  return {
    type: view.type,
    number: view.number,
    issueDate: view.issueDate,
    dueDate: view.dueDate ?? view.issueDate,
    customerTaxId: view.customerTaxId,
    customerName: view.customerName,
    origin: view.origin,
    originRef: view.originRef,
    net: view.net,
    exempt: view.exempt,
    tax: view.tax,
    otherTaxes: view.otherTaxes,
    total: view.total,
    currency: view.currency,
    state: view.state === 'anulada' ? 'void' : 'issued',
    reference: view.reference ? `${view.reference.type}-${view.reference.number}` : null,
    paid: view.paid,
    balance: view.balance,
    paymentStatus: PAYMENT_STATUS_LABELS[view.paymentStatus].en,
    daysOverdue: Math.max(0, view.daysOverdue),
  };
}
