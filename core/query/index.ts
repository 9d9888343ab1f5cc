export type { Query, Filter, SortKey, SortField, Comparison, PageRequest, QueryPage, CurrencyTotals } from './types';
export { parseQuery } from './parseQuery';
export { runQuery, DEFAULT_PAGE } from './runQuery';
export { searchLedger } from './searchLedger';
export { queryHelp, queryHelpData, type QueryHelp, type QueryHelpRow, type QueryHelpSection } from './queryHelp';
export { queryMatcher, type PromiseLookup } from './queryMatcher';
export { viewComparator } from './viewComparator';
export { queryAllowed, type QueryTopic } from './queryVocabulary';
