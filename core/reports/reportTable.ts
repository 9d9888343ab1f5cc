import type { Locale } from '../i18n/locale';

/**
 * How a column's raw values read: `money` integer minor units of the table's currency,
 * `date` ISO dates, `count` whole numbers grouped by thousands, `number` identifiers such
 * as folios and type codes, shown as they are.
 */
export type ColumnKind = 'text' | 'money' | 'date' | 'count' | 'number';

export interface ReportColumn {
  readonly header: string;
  readonly kind: ColumnKind;
}

/** A raw value: string for text and ISO dates, number for the rest, null for an empty cell. */
export type ReportCell = string | number | null;

/** One tabular form every renderer (terminal, CSV, xlsx, PDF, sidebar) starts from. */
export interface ReportTable {
  readonly title: string;
  /** E.g. "al 15-10-2026" or "Período octubre 2026". */
  readonly subtitle: string;
  readonly locale: Locale;
  readonly currency: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly ReportCell[])[];
  /** Totals, shown after the rows and set apart. */
  readonly footer: readonly (readonly ReportCell[])[];
}
