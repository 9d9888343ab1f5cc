import type { Origin, PaymentStatus } from '../model';
import { type Issue, type Result, fail, issue, ok } from '../issues/issue';
import { parseIsoDate } from '../dates/isoDate';
import { compactRut, parseRut, rutCheckDigit } from '../tax/rut';
import { normalizeText } from '../text/normalizeText';
import { parseOrigin, parsePaymentStatus } from '../workbook/choices';
import { parsePromiseStatus } from '../collections/collectionActions';
import type { PromiseStatus } from '../collections/types';
import { type QueryToken, tokenizeQuery } from './tokenizeQuery';
import { type FilterName, TOPIC_OF_FILTER, filterNamed, sortFieldNamed } from './queryVocabulary';
import type { Comparison, Filter, Query, SortKey } from './types';

const KEY_AND_OPERATOR = /^(\p{L}+)(:|>=|<=|>|<|=)/u;
const STARTS_WITH_LETTER = /^\p{L}/u;
const LEADING_COMPARISON = /^(>=|<=|>|<|=)/;
/** `12.345.678-5` or `12345678-5`: a RUT typed as a free word, searched by its digits. */
const RUT_LIKE = /^\d{1,2}(\.\d{3}){2}-[\dk]$|^\d{7,8}-[\dk]$/;
const THOUSANDS = /^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$/;
const DOT_DECIMAL = /^-?\d+\.\d{1,2}$/;

const fold = (text: string): string => normalizeText(text).replace(/\s+/g, ' ');

const isComparisonKey = (word: string): boolean => {
  const name = filterNamed(word);
  return name === 'amount' || name === 'balance';
};

const listItems = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** `1000000`, `1.000.000`, `$1.000.000`, `12,5` or `12.50`, in major units. */
function parseQueryAmount(text: string): number | null {
  const plain = text.replace(/\s|\$/g, '');
  if (DOT_DECIMAL.test(plain)) return Number(plain);
  if (THOUSANDS.test(plain)) return Number(plain.replace(/\./g, '').replace(',', '.'));
  return null;
}

/** Digits and check digit of `rut:`; a bare body (`12345678`) gets its check digit computed. */
function parseTaxIdValue(text: string): { compact: string } | { problem: 'format' | 'checkDigit' } {
  const full = parseRut(text);
  if (full.ok) return { compact: compactRut(full.value).toLowerCase() };
  const digits = text.replace(/[.\s]/g, '');
  const body = digits.replace(/^0+/, '');
  if (/^\d{1,8}$/.test(digits) && body !== '') {
    return { compact: `${body}${rutCheckDigit(body)}`.toLowerCase() };
  }
  return { problem: full.problem === 'checkDigit' ? 'checkDigit' : 'format' };
}

interface Collected {
  readonly words: string[];
  readonly filters: Filter[];
  readonly sort: SortKey[];
  readonly issues: Issue[];
}

function readFilter(token: QueryToken, name: FilterName, operator: string, value: string, into: Collected): void {
  const word = token.raw;
  const topic = TOPIC_OF_FILTER[name];
  const invalid = (bad: string, extra: Record<string, string> = {}): void => {
    into.issues.push(issue('queryInvalidValue', { word }, { value: word, bad, topic, ...extra }));
  };
  let comparison: Comparison = '=';
  if (name === 'amount' || name === 'balance') {
    const inValue = operator === ':' ? LEADING_COMPARISON.exec(value) : null;
    comparison = (inValue ? inValue[1] : operator === ':' ? '=' : operator) as Comparison;
    if (inValue) value = value.slice(inValue[1]!.length);
  } else if (operator !== ':' && operator !== '=') {
    invalid(operator + value);
    return;
  }
  if (value.trim() === '') {
    into.issues.push(issue('queryEmptyValue', { word }, { value: word, topic }));
    return;
  }
  switch (name) {
    case 'status': {
      const statuses: PaymentStatus[] = [];
      for (const item of listItems(value)) {
        const status = parsePaymentStatus(item);
        if (status) statuses.push(status);
        else invalid(item);
      }
      into.filters.push({ kind: 'status', statuses });
      return;
    }
    case 'promise': {
      const statuses: PromiseStatus[] = [];
      for (const item of listItems(value)) {
        const status = parsePromiseStatus(item);
        if (status) statuses.push(status);
        else invalid(item);
      }
      into.filters.push({ kind: 'promise', statuses });
      return;
    }
    case 'origin': {
      const origins: Origin[] = [];
      for (const item of listItems(value)) {
        const origin = parseOrigin(item);
        if (origin) origins.push(origin);
        else invalid(item);
      }
      into.filters.push({ kind: 'origin', origins });
      return;
    }
    case 'type': {
      const types: number[] = [];
      for (const item of listItems(value)) {
        if (/^\d{1,4}$/.test(item) && Number(item) > 0) types.push(Number(item));
        else invalid(item);
      }
      into.filters.push({ kind: 'type', types });
      return;
    }
    case 'customer':
      into.filters.push({ kind: 'customer', text: fold(value) });
      return;
    case 'tag':
      into.filters.push({ kind: 'tag', tag: fold(value) });
      return;
    case 'taxId': {
      const taxId = parseTaxIdValue(value.trim());
      if ('compact' in taxId) into.filters.push({ kind: 'taxId', compact: taxId.compact });
      else invalid(value.trim(), { problem: taxId.problem });
      return;
    }
    case 'from':
    case 'to': {
      const date = parseIsoDate(value);
      if (date) into.filters.push({ kind: name, date });
      else invalid(value.trim());
      return;
    }
    case 'amount':
    case 'balance': {
      const amount = parseQueryAmount(value);
      if (amount === null) invalid(value.trim());
      else into.filters.push({ kind: 'amount', field: name === 'amount' ? 'total' : 'balance', op: comparison, value: amount });
      return;
    }
    case 'sort':
      for (const item of listItems(value)) {
        const descending = item.startsWith('-');
        const field = sortFieldNamed(item.replace(/^[-+]/, ''));
        if (field) into.sort.push({ field, descending });
        else into.issues.push(issue('queryInvalidSort', { word }, { value: word, bad: item }));
      }
      return;
  }
}

/**
 * The one query language of the sidebar, Slack and the CLI (docs/query-language.md). Every wrong word is
 * reported, each naming the word and what is allowed; an empty query matches everything.
 */
export function parseQuery(text: string): Result<Query> {
  const into: Collected = { words: [], filters: [], sort: [], issues: [] };
  for (const token of tokenizeQuery(text, isComparisonKey)) {
    if (token.unterminated) {
      into.issues.push(issue('queryUnterminatedQuote', { word: token.raw }, { value: token.raw }));
      continue;
    }
    const keyed = STARTS_WITH_LETTER.test(token.raw) ? KEY_AND_OPERATOR.exec(token.text) : null;
    if (!keyed) {
      const word = fold(token.text);
      if (word !== '') into.words.push(RUT_LIKE.test(word) ? compactRut(word).toLowerCase() : word);
      continue;
    }
    const [prefix, key, operator] = keyed as unknown as [string, string, string];
    const name = filterNamed(key);
    if (!name) {
      into.issues.push(issue('queryUnknownFilter', { word: token.raw }, { value: token.raw, key }));
      continue;
    }
    readFilter(token, name, operator, token.text.slice(prefix.length), into);
  }
  if (into.issues.length > 0) return fail(...into.issues);
  return ok({ words: into.words, filters: into.filters, sort: into.sort });
}
