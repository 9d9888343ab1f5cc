import type { TabId } from './schema';

/** A value to write: dates and instants are tagged so each face writes its own date type. */
export type CellValue = string | number | boolean | null | { readonly date: string } | { readonly instant: string };

export interface CellUpdate {
  readonly tab: TabId;
  /** 1-based sheet row. */
  readonly row: number;
  /** 0-based column index in that tab's header. */
  readonly column: number;
  readonly value: CellValue;
}

export interface RowAppend {
  readonly tab: TabId;
  /** One value per header column, in the sheet's own column order. */
  readonly values: readonly CellValue[];
}

/** The only writes a face performs: cells that change and rows appended, never a whole tab. */
export interface ChangePlan {
  readonly updates: readonly CellUpdate[];
  readonly appends: readonly RowAppend[];
}

/**
 * Text a spreadsheet would run as a formula (= + - @) gets a leading apostrophe, which Sheets
 * and Excel treat as "store as text" and do not show. Only for faces that write user-entered values.
 */
export const asLiteralText = (value: CellValue): CellValue => (typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value);

export const isDateValue = (value: CellValue): value is { readonly date: string } => typeof value === 'object' && value !== null && 'date' in value;
export const isInstantValue = (value: CellValue): value is { readonly instant: string } => typeof value === 'object' && value !== null && 'instant' in value;
