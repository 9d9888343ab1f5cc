export { parseIsoDate, daysBetween, addDays, formatDateCl, isPeriod, makeDateCellReader, makeStartOfDay, isoDateInZone } from './isoDate';
