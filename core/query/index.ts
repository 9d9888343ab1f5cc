export type { Query, Filter, SortKey, SortField, Comparison, PageRequest, QueryPage, CurrencyTotals } from './types';
