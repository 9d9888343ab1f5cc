import type { IsoDate } from '../model';
import { parseIsoDate } from '../dates/isoDate';
import { currencyScale } from '../money/money';
import { normalizeText } from '../text/normalizeText';

/** What a spreadsheet cell can hold, as getValues, exceljs or the Sheets API give it. */
export type Cell = string | number | boolean | Date | null | undefined;

export const isBlank = (cell: Cell): boolean => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

export const cellText = (cell: Cell): string => {
  if (cell === null || cell === undefined) return '';
  // An invalid Date (a broken cell from another program) shows as text rather than throwing.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString();
  return String(cell).trim();
};

/** Excel and Sheets count days from 1899-12-30; used when a date cell arrives as its serial number. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function parseDateCell(cell: Cell, readDate: (d: Date) => IsoDate): IsoDate | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : readDate(cell);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 2 || cell > 400_000) return null;
    return new Date(SERIAL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof cell === 'string') return parseIsoDate(cell);
  return null;
}

const CHILEAN_NUMBER = /^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$/;
const PLAIN_DECIMAL = /^-?\d+\.\d{1,2}$/;

/**
 * Amount in minor units. Text is read the Chilean way (`297.500`, `$1.234,50`);
 * a lone dot with one or two decimals (`12.50`) is taken as a decimal point.
 */
export function parseAmountCell(cell: Cell, currency: string): number | null {
  const scale = currencyScale(currency);
  let value: number;
  if (typeof cell === 'number') {
    value = cell;
  } else if (typeof cell === 'string') {
    const text = cell.replace(/\s|\$|US\$|CLP/g, '');
    if (text === '') return null;
    if (PLAIN_DECIMAL.test(text) && scale > 0) value = Number(text);
    else if (CHILEAN_NUMBER.test(text)) value = Number(text.replace(/\./g, '').replace(',', '.'));
    else return null;
  } else {
    return null;
  }
  if (!Number.isFinite(value)) return null;
  const minor = Math.round(value * 10 ** scale);
  // Beyond 2^53 a number no longer holds every integer: 2^60 would be stored as a neighbour.
  if (!Number.isSafeInteger(minor)) return null;
  // More decimals than the currency has is a typo, not something to round away silently.
  if (Math.abs(minor - value * 10 ** scale) > 1e-6) return null;
  return minor;
}

export function parseIntegerCell(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? cell : null;
  if (typeof cell === 'string' && /^\s*-?\d+\s*$/.test(cell)) {
    const value = Number(cell.trim());
    // A 20-digit folio would become 1e20 and never be found again.
    return Number.isSafeInteger(value) ? value : null;
  }
  return null;
}

/** Decimal number written either way (`1,5` or `1.5`). */
export function parseDecimalCell(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'string') {
    const text = cell.trim().replace('%', '').trim();
    if (/^-?\d+([.,]\d+)?$/.test(text)) return Number(text.replace(',', '.'));
  }
  return null;
}

export function parseYesNoCell(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (isBlank(cell)) return false;
  const text = normalizeText(String(cell));
  if (['si', 's', 'yes', 'y', 'true', 'x', '1', 'exento', 'exempt'].includes(text)) return true;
  if (['no', 'n', 'false', '0'].includes(text)) return false;
  return null;
}

/** Whether a cell that did not read as a number is digits too many to hold exactly (so the message can say so). */
export function isTooLargeNumber(cell: Cell): boolean {
  if (typeof cell === 'number') return Number.isFinite(cell) && !Number.isSafeInteger(cell) && Number.isInteger(cell);
  if (typeof cell !== 'string') return false;
  const digits = cell.replace(/[\s.$,]|US\$|CLP/g, '');
  return /^-?\d{16,}$/.test(digits);
}
