import { formatDateCl } from '../dates/isoDate';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * "27-11-2026 20:58": an instant as people here read it, on the wall clock of the business's
 * time zone (never the machine's nor UTC), the date the Chilean way, 24-hour time. Every face
 * (the sidebar, the PDF, `facturas show`) shows Historial through this. Text that is not an
 * instant is shown as it is; an unknown time zone falls back to UTC (the faces check the setting at start).
 */
export function formatInstant(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  let format = formats.get(timeZone);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    try {
      format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' });
    }
    formats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return `${formatDateCl(`${part.year}-${part.month}-${part.day}`)} ${part.hour}:${part.minute}`;
}
