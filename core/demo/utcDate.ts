import type { IsoDate } from '../model';

/**
 * Sample data carries dates as Date objects at UTC midnight, as exceljs reads xlsx date cells;
 * read them back with `timeZone: 'UTC'`.
 */
export const utcDate = (date: IsoDate): Date => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));

/** The instant of a wall-clock time in Chile, written as a fixed UTC-3 offset (summer time) for sample data. */
export const santiagoInstant = (date: IsoDate, hour: number, minute: number): Date => new Date(utcDate(date).getTime() + ((hour + 3) * 60 + minute) * 60_000);
