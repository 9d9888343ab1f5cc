import type { Customer, IsoDate } from '../model';
import { ORIGINS } from '../model';
import { daysBetween } from '../dates/isoDate';
import type { TaxProfile } from '../tax/taxProfile';
import { packIntegers } from './packIntegers';
import type { ProjectedDocument } from './plannedChanges';
import { type ProjectionColumn, type ProjectionKind, type SidebarProjection, PROJECTION_COLUMNS, PROJECTION_FORMAT } from './types';

export const EPOCH: IsoDate = '1970-01-01';

/** Paid as the column stores it: 0 nothing, 1 all of the total, otherwise the amount shifted by 2. */
const paidCode = (paid: number, total: number): number => (paid === 0 ? 0 : paid === total ? 1 : paid >= 0 ? paid + 2 : paid);

/**
 * The compact projection of `views` (the whole book at first load, or only the documents a change
 * touched). Views rather than documents: each carries what was paid on it as of the ledger's date.
 * `customers` contributes only the tags of the RUTs these views name.
 */
export function encodeProjection(views: readonly ProjectedDocument[], customers: readonly Customer[], asOf: IsoDate, profile: TaxProfile): SidebarProjection {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const indexOf = (text: string): number => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      stringIndex.set(text, index);
    }
    return index;
  };

  // The most frequent customers get the smallest indexes, so their references take fewer digits.
  const partyUses = new Map<string, { name: string; taxId: string; uses: number }>();
  for (const view of views) {
    const key = `${view.customerTaxId}\u0000${view.customerName}`;
    const party = partyUses.get(key);
    if (party) party.uses++;
    else partyUses.set(key, { name: view.customerName, taxId: view.customerTaxId, uses: 1 });
  }
  const partyIndex = new Map<string, number>();
  const parties: number[] = [];
  [...partyUses.entries()]
    .sort((a, b) => b[1].uses - a[1].uses)
    .forEach(([key, party], i) => {
      partyIndex.set(key, i);
      parties.push(indexOf(party.name), indexOf(party.taxId));
    });

  const kinds: ProjectionKind[] = [];
  const kindIndex = new Map<string, number>();
  const kindOf = (view: ProjectedDocument): number => {
    const kind: ProjectionKind = [view.type, indexOf(view.currency), ORIGINS.indexOf(view.origin), view.state === 'anulada' ? 1 : 0];
    const key = kind.join(',');
    let index = kindIndex.get(key);
    if (index === undefined) {
      index = kinds.push(kind) - 1;
      kindIndex.set(key, index);
    }
    return index;
  };

  const columns = Object.fromEntries(PROJECTION_COLUMNS.map((name) => [name, [] as number[]])) as Record<ProjectionColumn, number[]>;
  const lastNumberOfType = new Map<number, number>();
  let lastDay = 0;
  let lastRow = 1;
  for (const view of views) {
    const day = daysBetween(EPOCH, view.issueDate);
    columns.kind.push(kindOf(view));
    columns.number.push(view.number - (lastNumberOfType.get(view.type) ?? 0));
    lastNumberOfType.set(view.type, view.number);
    columns.issueDate.push(day - lastDay);
    lastDay = day;
    columns.dueDate.push(view.dueDate === null ? 0 : daysBetween(view.issueDate, view.dueDate) + 1);
    columns.party.push(partyIndex.get(`${view.customerTaxId}\u0000${view.customerName}`)!);
    columns.net.push(view.net);
    columns.exempt.push(view.exempt);
    columns.tax.push(view.tax - profile.vatOn(view.net));
    columns.total.push(view.total - view.net - view.exempt - view.tax);
    columns.referenceType.push(view.reference?.type ?? 0);
    columns.referenceNumber.push(view.reference ? view.number - view.reference.number : 0);
    columns.paid.push(paidCode(view.paid, view.total));
    columns.row.push(view.row - lastRow - 1);
    lastRow = view.row;
  }

  const named = new Set(views.map((view) => view.customerTaxId));
  const taggedCustomers = customers
    .filter((customer) => customer.tags.length > 0 && named.has(customer.taxId))
    .map((customer) => [indexOf(customer.taxId), indexOf(customer.name), ...customer.tags.map(indexOf)]);

  return {
    format: PROJECTION_FORMAT,
    asOf,
    count: views.length,
    strings,
    kinds,
    parties,
    taggedCustomers,
    columns: Object.fromEntries(PROJECTION_COLUMNS.map((name) => [name, packIntegers(columns[name])])) as SidebarProjection['columns'],
  };
}
