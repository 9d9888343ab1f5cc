import type { Book, InvoiceDocument, IsoDate, Minor } from '../model';
import { isPeriod } from '../dates/isoDate';
import { type Result, fail, issue, ok } from '../issues/issue';
import { type TaxProfile, documentTypeRule } from '../tax/taxProfile';
import { totalSign } from '../tax/totalSign';

export interface LibroAmounts {
  readonly exempt: Minor;
  readonly net: Minor;
  readonly tax: Minor;
  /** Additional taxes (ILA and others); Total = Neto + Exento + IVA + Otros impuestos. */
  readonly otherTaxes: Minor;
  readonly total: Minor;
}

export interface LibroRow extends LibroAmounts {
  readonly type: number;
  readonly number: number;
  readonly date: IsoDate;
  readonly customerTaxId: string;
  readonly customerName: string;
  readonly void: boolean;
}

export interface LibroTypeTotal extends LibroAmounts {
  readonly type: number;
  /** Documents that count: void ones are left out here and counted in voidCount. */
  readonly count: number;
  readonly voidCount: number;
}

/** The JSON `facturas report libro-ventas` prints (docs/cli.md): keep these field names as they are. */
export interface LibroDeVentas {
  readonly period: string;
  readonly rows: readonly LibroRow[];
  readonly totals: readonly LibroTypeTotal[];
  readonly grandTotal: LibroAmounts;
}

const ZERO: LibroAmounts = { exempt: 0, net: 0, tax: 0, otherTaxes: 0, total: 0 };

// Some sheets type credit notes as negative amounts; the book shows magnitudes and the
// document kind decides whether they add or subtract.
const amountsOf = (doc: InvoiceDocument): LibroAmounts =>
  doc.state === 'anulada' ? ZERO : { exempt: Math.abs(doc.exempt), net: Math.abs(doc.net), tax: Math.abs(doc.tax), otherTaxes: Math.abs(doc.otherTaxes), total: Math.abs(doc.total) };

const plus = (a: LibroAmounts, b: LibroAmounts, sign = 1): LibroAmounts => ({
  exempt: a.exempt + sign * b.exempt,
  net: a.net + sign * b.net,
  tax: a.tax + sign * b.tax,
  otherTaxes: a.otherTaxes + sign * b.otherTaxes,
  total: a.total + sign * b.total,
});

/**
 * The monthly sales book: every document issued in `period` (YYYY-MM), void ones listed
 * with zero amounts. The grand total adds invoices and debit notes and subtracts credit
 * notes, as the profile's document kinds say.
 */
export function libroDeVentas(book: Book, period: string, profile: TaxProfile): Result<LibroDeVentas> {
  if (!isPeriod(period)) return fail(issue('invalidPeriod', { field: 'period' }, { value: period }));
  const prefix = `${period}-`;
  const docs = book.documents.filter((doc) => doc.issueDate.startsWith(prefix)).sort((a, b) => a.type - b.type || a.number - b.number);

  const rows: LibroRow[] = docs.map((doc) => ({
    type: doc.type,
    number: doc.number,
    date: doc.issueDate,
    customerTaxId: doc.customerTaxId,
    customerName: doc.customerName,
    ...amountsOf(doc),
    void: doc.state === 'anulada',
  }));

  const totals: LibroTypeTotal[] = [];
  let grandTotal = ZERO;
  for (const row of rows) {
    let last = totals[totals.length - 1];
    if (!last || last.type !== row.type) {
      last = { type: row.type, count: 0, voidCount: 0, ...ZERO };
      totals.push(last);
    }
    totals[totals.length - 1] = {
      ...last,
      ...plus(last, row),
      count: last.count + (row.void ? 0 : 1),
      voidCount: last.voidCount + (row.void ? 1 : 0),
    };
    const sign = totalSign(documentTypeRule(profile, row.type)?.kind ?? 'invoice');
    grandTotal = plus(grandTotal, row, sign);
  }
  return ok({ period, rows, totals, grandTotal });
}
