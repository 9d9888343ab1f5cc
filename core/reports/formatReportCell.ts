import { formatDateCl } from '../dates/isoDate';
import { formatMoney } from '../money/formatMoney';
import { formatCount } from '../present/formatQuantity';
import type { ColumnKind, ReportCell } from './reportTable';

/** A cell as people read it: `$297.500`, `15-10-2026`, `1.234`. */
export function formatReportCell(kind: ColumnKind, value: ReportCell, currency: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return kind === 'date' ? formatDateCl(value) : value;
  switch (kind) {
    case 'money':
      return formatMoney(value, currency);
    case 'count':
      return formatCount(value);
    default:
      return String(value);
  }
}

/** Numbers line up on the right, words and dates on the left. */
export const isRightAligned = (kind: ColumnKind): boolean => kind === 'money' || kind === 'count' || kind === 'number';
