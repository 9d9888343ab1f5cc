import type { Customer, InvoiceDocument, IsoDate } from '../model';
import { ORIGINS } from '../model';
import { addDays } from '../dates/isoDate';
import type { TaxProfile } from '../tax/taxProfile';
import { EPOCH } from './encodeProjection';
import { unpackIntegers } from './packIntegers';
import { type ProjectedBook, type ProjectionColumn, type SidebarProjection, PROJECTION_COLUMNS, PROJECTION_FORMAT } from './types';

const NO_KIND: readonly number[] = [0, 0, 0, 0];

/** The projection's server and sidebar come from one build; a mismatch is a deployment mistake, said plainly. */
export class ProjectionFormatError extends Error {}

/** Reads back what encodeProjection wrote: the documents in the order given, each with what was paid on it. */
export function decodeProjection(projection: SidebarProjection, profile: TaxProfile): ProjectedBook {
  if (projection.format !== PROJECTION_FORMAT) throw new ProjectionFormatError(`projection format ${String(projection.format)}, expected ${PROJECTION_FORMAT}: reload the sidebar`);
  const count = projection.count;
  const column = {} as Record<ProjectionColumn, number[]>;
  for (const name of PROJECTION_COLUMNS) {
    const values = unpackIntegers(projection.columns[name] ?? '', count);
    if (!values) throw new ProjectionFormatError(`projection column ${name} does not hold ${count} numbers`);
    column[name] = values;
  }
  const text = (index: number): string => projection.strings[index] ?? '';

  // A book spans a few hundred distinct days: each date string is made once.
  const dates = new Map<number, IsoDate>();
  const dateOf = (day: number): IsoDate => {
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = addDays(EPOCH, day)));
    return date;
  };

  const documents = new Array<InvoiceDocument>(count);
  const paid = new Array<number>(count);
  // Folios are written as steps from the last of the same type; types are small numbers, so an array holds the last ones.
  const lastNumberOfType: number[] = [];
  let day = 0;
  let row = 1;
  for (let i = 0; i < count; i++) {
    const kind = projection.kinds[column.kind[i]!] ?? NO_KIND;
    const type = kind[0] ?? 0;
    const currency = kind[1] ?? 0;
    const origin = kind[2] ?? 0;
    const isVoid = kind[3] ?? 0;
    const number = (lastNumberOfType[type] ?? 0) + column.number[i]!;
    lastNumberOfType[type] = number;
    day += column.issueDate[i]!;
    row += column.row[i]! + 1;
    const issueDate = dateOf(day);
    const due = column.dueDate[i]!;
    const party = column.party[i]! * 2;
    const net = column.net[i]!;
    const exempt = column.exempt[i]!;
    const tax = profile.vatOn(net) + column.tax[i]!;
    const total = net + exempt + tax + column.total[i]!;
    const referenceType = column.referenceType[i]!;
    const code = column.paid[i]!;
    paid[i] = code === 0 ? 0 : code === 1 ? total : code >= 2 ? code - 2 : code;
    // Every field in one literal, in the order readWorkbook writes them, so all documents share one shape.
    documents[i] = {
      type,
      number,
      issueDate,
      dueDate: due === 0 ? null : dateOf(day + due - 1),
      customerTaxId: text(projection.parties[party + 1] ?? -1),
      customerName: text(projection.parties[party] ?? -1),
      email: '',
      origin: ORIGINS[origin] ?? 'directa',
      originRef: '',
      net,
      exempt,
      tax,
      // A readable row's Total is Neto + Exento + IVA + Otros impuestos: what the total column adds beyond IVA.
      otherTaxes: column.total[i]!,
      total,
      currency: text(currency),
      state: isVoid === 1 ? 'anulada' : 'emitida',
      reference: referenceType === 0 ? null : { type: referenceType, number: number - column.referenceNumber[i]! },
      notes: '',
      row,
    };
  }

  const customers: Customer[] = projection.taggedCustomers.map(([taxId = -1, name = -1, ...tags], i) => ({
    taxId: text(taxId),
    name: text(name),
    kind: null,
    businessActivity: '',
    region: '',
    commune: '',
    email: '',
    phone: '',
    tags: tags.map(text),
    row: i + 2,
  }));
  return { asOf: projection.asOf, documents, paid, customers };
}
