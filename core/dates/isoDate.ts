import type { IsoDate } from '../model';

const DAY_MS = 86_400_000;

const isValidYmd = (y: number, m: number, d: number): boolean => {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return false;
  const time = Date.UTC(y, m - 1, d);
  return new Date(time).getUTCDate() === d;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Accepts `YYYY-MM-DD` and the Chilean `DD-MM-YYYY` (or with slashes); null when not a real date. */
export function parseIsoDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  let match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isValidYmd(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
  }
  match = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(trimmed);
  if (match) {
    const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isValidYmd(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
  }
  return null;
}

const dayNumber = (date: IsoDate): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date((dayNumber(date) + days) * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `2026-10-15` -> `15-10-2026`, as Chilean users read dates. */
export const formatDateCl = (date: IsoDate | null): string => (date ? `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}` : '');

/** `YYYY-MM` check for report periods. */
export const isPeriod = (text: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/**
 * Calendar date of an instant in a time zone. Spreadsheet date cells arrive as instants
 * at local midnight; formatting is cached because a workbook repeats few distinct dates.
 */
export function makeDateCellReader(timeZone: string): (cell: Date) => IsoDate {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const cache = new Map<number, IsoDate>();
  return (cell) => {
    const time = cell.getTime();
    let iso = cache.get(time);
    if (iso === undefined) {
      iso = format.format(cell);
      if (cache.size < 100_000) cache.set(time, iso);
    }
    return iso;
  };
}

/**
 * The instant a spreadsheet holds for a calendar date in its zone: that day's first moment,
 * local midnight, or 01:00 where clocks jump forward at midnight (Chile, September). Pure
 * arithmetic with Intl, so writing a month of dates costs no Apps Script service call per row.
 */
export function makeStartOfDay(timeZone: string): (date: IsoDate) => Date {
  const wallClock = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const readDate = makeDateCellReader(timeZone);
  const cache = new Map<IsoDate, number>();
  const HOUR_MS = 3_600_000;
  return (date) => {
    let start = cache.get(date);
    if (start === undefined) {
      const utcMidnight = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
      const offsetAt = (instant: number): number => {
        const parts = wallClock.formatToParts(new Date(instant));
        const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
        return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - Math.floor(instant / 60_000) * 60_000;
      };
      // The offset at noon, then at that guess: on the day clocks change the two differ, and the
      // earlier candidate still on this date is where the day begins.
      const first = utcMidnight - offsetAt(utcMidnight + 12 * HOUR_MS);
      const second = utcMidnight - offsetAt(first);
      const onDate = [first, second].filter((instant) => readDate(new Date(instant)) === date);
      start = onDate.length > 0 ? Math.min(...onDate) : Math.max(first, second);
      cache.set(date, start);
    }
    return new Date(start);
  };
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Today in a time zone, from an instant the caller supplies (core never reads the clock).
 * The formatter is made once per zone: building one costs far more than formatting.
 */
export function isoDateInZone(instant: Date, timeZone: string): IsoDate {
  let format = zoneFormats.get(timeZone);
  if (!format) zoneFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(instant);
}
