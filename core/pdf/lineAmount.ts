import type { InvoiceLine, Minor } from '../model';

/**
 * Quantity × unit price less the discount, each step rounded half up to a minor unit,
 * as the SII computes MontoItem: (QtyItem × PrcItem) − DescuentoMonto.
 */
export function lineAmount(line: Pick<InvoiceLine, 'quantityMilli' | 'unitPrice' | 'discountBasisPoints'>): Minor {
  const gross = Math.round((line.quantityMilli * line.unitPrice) / 1000);
  const discount = Math.round((gross * line.discountBasisPoints) / 10000);
  return gross - discount;
}
