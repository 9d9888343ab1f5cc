import type { InvoiceView } from '../model';
import { ORIGINS, PAYMENT_STATUSES } from '../model';
import { currencyScale } from '../money/money';
import { customerNameStart } from './customerNameInSearchText';
import type { Comparison, Query } from './types';

/**
 * A ledger's documents laid out for search: typed columns for what filters test, views
 * grouped by status, by customer text and in issue-date order, and the folio part of every
 * searchText in one string. A search starts from its smallest group and scans contiguous
 * columns instead of one scattered object and one string per document, which is what made
 * a search of 100k documents cost 5 to 10 ms. Candidates are a superset: runQuery's matcher
 * still decides every match.
 */
export interface QueryColumns {
  readonly count: number;
  readonly status: Uint8Array;
  readonly origin: Uint8Array;
  readonly type: Int32Array;
  /** Issue date as the number yyyymmdd. */
  readonly issueDay: Int32Array;
  readonly total: Float64Array;
  readonly balance: Float64Array;
  readonly currency: Uint8Array;
  readonly currencies: readonly string[];
  /** Views by payment status (PAYMENT_STATUSES order), ascending within each. */
  readonly byStatus: Groups;
  /** Distinct customer parts of searchText (folded name and RUT digits); the views of each, ascending. */
  readonly customerTexts: readonly string[];
  readonly byCustomerText: Groups;
  /** Customer texts by their last word, the compact tax id. */
  readonly customerTextsOfTaxId: ReadonlyMap<string, readonly number[]>;
  /** View indices in issue-date order, and their days in that order, for ranges. */
  readonly dayOrder: Int32Array;
  readonly dayOrderDays: Int32Array;
  /** The folio part of every searchText (`33-1023 1023 `), newline-separated; folioStarts[i] is where view i's begins. */
  readonly folioText: string;
  readonly folioStarts: Int32Array;
}

/** Index lists packed in one array: the members of group g are rows[offsets[g] .. offsets[g + 1]). */
interface Groups {
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
}

const dayNumber = (iso: string): number => Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));

function groups(groupOf: Int32Array | Uint8Array, groupCount: number): Groups {
  const offsets = new Int32Array(groupCount + 1);
  for (let i = 0; i < groupOf.length; i++) offsets[groupOf[i]! + 1]!++;
  for (let g = 0; g < groupCount; g++) offsets[g + 1]! += offsets[g]!;
  const next = offsets.slice(0, groupCount);
  const rows = new Int32Array(groupOf.length);
  for (let i = 0; i < groupOf.length; i++) rows[next[groupOf[i]!]!++] = i;
  return { offsets, rows };
}

export function queryColumns(views: readonly InvoiceView[]): QueryColumns {
  const count = views.length;
  const status = new Uint8Array(count);
  const origin = new Uint8Array(count);
  const type = new Int32Array(count);
  const issueDay = new Int32Array(count);
  const total = new Float64Array(count);
  const balance = new Float64Array(count);
  const currency = new Uint8Array(count);
  const customerText = new Int32Array(count);
  const folioStarts = new Int32Array(count + 1);
  const currencies: string[] = [];
  const customerTextIds = new Map<string, number>();
  const customerTexts: string[] = [];
  const folioParts: string[] = new Array<string>(count);
  let sortedByDay = true;
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const view = views[i]!;
    status[i] = PAYMENT_STATUSES.indexOf(view.paymentStatus);
    origin[i] = ORIGINS.indexOf(view.origin);
    type[i] = view.type;
    issueDay[i] = dayNumber(view.issueDate);
    if (i > 0 && issueDay[i]! < issueDay[i - 1]!) sortedByDay = false;
    total[i] = view.total;
    balance[i] = view.balance;
    let code = currencies.indexOf(view.currency);
    if (code === -1) code = currencies.push(view.currency) - 1;
    currency[i] = code;
    const text = view.searchText;
    const split = customerNameStart(text);
    const tail = text.slice(split);
    let id = customerTextIds.get(tail);
    if (id === undefined) {
      id = customerTexts.push(tail) - 1;
      customerTextIds.set(tail, id);
    }
    customerText[i] = id;
    folioParts[i] = text.slice(0, split);
    folioStarts[i] = offset;
    offset += split + 1;
  }
  folioStarts[count] = offset;

  const customerTextsOfTaxId = new Map<string, number[]>();
  customerTexts.forEach((text, id) => {
    const taxId = text.slice(text.lastIndexOf(' ') + 1);
    const list = customerTextsOfTaxId.get(taxId);
    if (list) list.push(id);
    else customerTextsOfTaxId.set(taxId, [id]);
  });

  const dayOrder = new Int32Array(count);
  for (let i = 0; i < count; i++) dayOrder[i] = i;
  if (!sortedByDay) dayOrder.sort((a, b) => issueDay[a]! - issueDay[b]! || a - b);
  const dayOrderDays = new Int32Array(count);
  for (let k = 0; k < count; k++) dayOrderDays[k] = issueDay[dayOrder[k]!]!;

  return {
    count,
    status,
    origin,
    type,
    issueDay,
    total,
    balance,
    currency,
    currencies,
    byStatus: groups(status, PAYMENT_STATUSES.length),
    customerTexts,
    byCustomerText: groups(customerText, customerTexts.length),
    customerTextsOfTaxId,
    dayOrder,
    dayOrderDays,
    folioText: `${folioParts.join('\n')}\n`,
    folioStarts,
  };
}

/** First position in the ascending `values` holding at least `wanted`. */
function lowerBound(values: Int32Array, wanted: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < wanted) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The members of some groups, ascending. */
function membersOf(groupList: Groups, ids: readonly number[]): Int32Array {
  let size = 0;
  for (const g of ids) size += groupList.offsets[g + 1]! - groupList.offsets[g]!;
  const out = new Int32Array(size);
  let n = 0;
  for (const g of ids) {
    out.set(groupList.rows.subarray(groupList.offsets[g]!, groupList.offsets[g + 1]!), n);
    n += groupList.offsets[g + 1]! - groupList.offsets[g]!;
  }
  return ids.length > 1 ? out.sort() : out;
}

/** Views whose searchText may contain `word`: those of matching customer texts, and those whose folio part holds it. */
function viewsContaining(columns: QueryColumns, word: string): Int32Array {
  const ids: number[] = [];
  columns.customerTexts.forEach((text, id) => {
    if (text.includes(word)) ids.push(id);
  });
  const byCustomer = membersOf(columns.byCustomerText, ids);
  // Folio parts hold only digits, dashes and spaces.
  if (!/^[\d -]+$/.test(word)) return byCustomer;
  const { folioText, folioStarts } = columns;
  const found: number[] = [];
  for (let at = folioText.indexOf(word); at !== -1; ) {
    const view = lowerBound(folioStarts, at + 1) - 1;
    found.push(view);
    at = folioText.indexOf(word, folioStarts[view + 1]!);
  }
  const merged = new Int32Array(byCustomer.length + found.length);
  merged.set(byCustomer);
  merged.set(found, byCustomer.length);
  return merged.sort();
}

/** The smallest index list some index gives for the query, ascending; null when none applies. */
function seed(columns: QueryColumns, query: Query): Int32Array | null {
  let best: { size: number; make: () => Int32Array } | null = null;
  const consider = (size: number, make: () => Int32Array): void => {
    if (best === null || size < best.size) best = { size, make };
  };
  let fromDay = 0;
  let toDay = 99_999_999;
  for (const filter of query.filters) {
    if (filter.kind === 'status') {
      const ids = [...new Set(filter.statuses.map((s) => PAYMENT_STATUSES.indexOf(s)))];
      consider(
        ids.reduce((sum, g) => sum + columns.byStatus.offsets[g + 1]! - columns.byStatus.offsets[g]!, 0),
        () => membersOf(columns.byStatus, ids),
      );
    } else if (filter.kind === 'taxId') {
      const ids = columns.customerTextsOfTaxId.get(filter.compact) ?? [];
      consider(
        ids.reduce((sum, g) => sum + columns.byCustomerText.offsets[g + 1]! - columns.byCustomerText.offsets[g]!, 0),
        () => membersOf(columns.byCustomerText, ids),
      );
    } else if (filter.kind === 'from') fromDay = Math.max(fromDay, dayNumber(filter.date));
    else if (filter.kind === 'to') toDay = Math.min(toDay, dayNumber(filter.date));
  }
  if (fromDay > 0 || toDay < 99_999_999) {
    const low = lowerBound(columns.dayOrderDays, fromDay);
    const high = Math.max(low, lowerBound(columns.dayOrderDays, toDay + 1));
    consider(high - low, () => columns.dayOrder.slice(low, high).sort());
  }
  const found = best as { size: number; make: () => Int32Array } | null;
  // A word is looked up only when no filter already narrowed to a small part of the ledger.
  if (found !== null && found.size * 16 < columns.count) return found.make();
  // A quoted phrase may span the folio part and the customer part, so only single words are looked up;
  // the customer filter looks inside the name, which lies within the customer part.
  const words = [...query.words.filter((w) => !w.includes(' ')), ...query.filters.flatMap((f) => (f.kind === 'customer' ? [f.text] : []))].filter((w) => w !== '');
  for (const word of words) {
    const list = viewsContaining(columns, word);
    consider(list.length, () => list);
  }
  return best === null ? null : (best as { make: () => Int32Array }).make();
}

/** What the typed columns test, as flat values, so one monomorphic loop tests them all. */
interface ColumnTest {
  readonly statuses: Uint8Array;
  readonly origins: Uint8Array;
  /** By type code; null when no type filter applies (or a code is too large for the mask). */
  readonly types: Uint8Array | null;
  readonly fromDay: number;
  readonly toDay: number;
}

const TYPE_MASK_SIZE = 1024;

function columnTest(query: Query): ColumnTest {
  const statuses = new Uint8Array(PAYMENT_STATUSES.length).fill(1);
  const origins = new Uint8Array(ORIGINS.length).fill(1);
  let types: Uint8Array | null = null;
  let fromDay = 0;
  let toDay = 99_999_999;
  for (const filter of query.filters) {
    if (filter.kind === 'status')
      PAYMENT_STATUSES.forEach((s, i) => {
        if (!filter.statuses.includes(s)) statuses[i] = 0;
      });
    else if (filter.kind === 'origin')
      ORIGINS.forEach((o, i) => {
        if (!filter.origins.includes(o)) origins[i] = 0;
      });
    else if (filter.kind === 'type' && filter.types.every((t) => t < TYPE_MASK_SIZE)) {
      const mask = new Uint8Array(TYPE_MASK_SIZE);
      for (const t of filter.types) if (types === null || types[t] === 1) mask[t] = 1;
      types = mask;
    } else if (filter.kind === 'from') fromDay = Math.max(fromDay, dayNumber(filter.date));
    else if (filter.kind === 'to') toDay = Math.min(toDay, dayNumber(filter.date));
  }
  return { statuses, origins, types, fromDay, toDay };
}

function keepTested(columns: QueryColumns, test: ColumnTest, within: Int32Array | null): Int32Array {
  const { status, origin, type, issueDay } = columns;
  const { statuses, origins, types, fromDay, toDay } = test;
  const size = within === null ? columns.count : within.length;
  const out = new Int32Array(size);
  let n = 0;
  for (let k = 0; k < size; k++) {
    const i = within === null ? k : within[k]!;
    if (statuses[status[i]!] === 0 || origins[origin[i]!] === 0) continue;
    const day = issueDay[i]!;
    if (day < fromDay || day > toDay) continue;
    if (types !== null && (type[i]! >= TYPE_MASK_SIZE || types[type[i]!] === 0)) continue;
    out[n++] = i;
  }
  return out.subarray(0, n);
}

function keepAmounts(columns: QueryColumns, field: 'total' | 'balance', op: Comparison, value: number, within: Int32Array | null): Int32Array {
  const values = field === 'total' ? columns.total : columns.balance;
  const limits = new Float64Array(columns.currencies.map((c) => value * 10 ** currencyScale(c)));
  const size = within === null ? columns.count : within.length;
  const out = new Int32Array(size);
  let n = 0;
  for (let k = 0; k < size; k++) {
    const i = within === null ? k : within[k]!;
    const amount = values[i]!;
    const limit = limits[columns.currency[i]!]!;
    const pass = op === '>' ? amount > limit : op === '>=' ? amount >= limit : op === '<' ? amount < limit : op === '<=' ? amount <= limit : amount === limit;
    if (pass) out[n++] = i;
  }
  return out.subarray(0, n);
}

/**
 * The indices of the views that may match `query`, ascending: a superset of the matches,
 * from the smallest index that applies, narrowed by every filter the columns can test.
 * Null when the query has nothing to narrow by.
 */
export function candidateIndices(columns: QueryColumns, query: Query): Int32Array | null {
  let within = seed(columns, query);
  const tested = query.filters.some((f) => f.kind === 'status' || f.kind === 'origin' || f.kind === 'type' || f.kind === 'from' || f.kind === 'to');
  if (tested) within = keepTested(columns, columnTest(query), within);
  for (const filter of query.filters) if (filter.kind === 'amount') within = keepAmounts(columns, filter.field, filter.op, filter.value, within);
  return within;
}
