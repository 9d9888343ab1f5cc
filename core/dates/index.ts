export { parseIsoDate, daysBetween, addDays, formatDateCl, isPeriod, makeDateCellReader, isoDateInZone } from './isoDate';
