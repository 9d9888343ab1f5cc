/**
 * Semicolon- or comma-separated text (RFC 4180 quoting) read into records that know the line
 * they start on, also after a quoted field holding a line break. Written here rather than taken
 * from csv-parse because core runs inside Apps Script too, where csv-parse's Buffer does not exist.
 */

export interface DelimitedRecord {
  /** 1-based line of the text where the record starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

export type DelimitedRead =
  | { readonly ok: true; readonly records: readonly DelimitedRecord[] }
  | { readonly ok: false; readonly line: number; readonly problem: 'unterminatedQuote' | 'textAfterQuote' };

/** Semicolons (Excel in Spanish, the SII) or commas: whichever the first non-empty line uses more, outside quotes. */
export function detectDelimiter(text: string): ';' | ',' {
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .find((line) => line.trim() !== '') ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (char: string) => unquoted.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Every record, cells trimmed; blank lines are skipped but still counted. */
export function readDelimited(source: string, delimiter: ';' | ','): DelimitedRead {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const records: DelimitedRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i < n && text[i] === '"' && cell.trim() === '') {
        // Quoted field: doubled quotes are one quote; line breaks inside are part of the value.
        const quoteLine = line;
        i += 1;
        let value = '';
        for (;;) {
          if (i >= n) return { ok: false, line: quoteLine, problem: 'unterminatedQuote' };
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          if (ch === '\n') line += 1;
          value += ch;
          i += 1;
        }
        while (i < n && (text[i] === ' ' || text[i] === '\t')) i += 1;
        if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') return { ok: false, line, problem: 'textAfterQuote' };
        cell = value;
        // Marks the value as quoted so trimming below keeps inner spaces.
        cells.push(value);
        cell = '';
        if (i >= n) {
          endOfRecord = true;
        } else if (text[i] === delimiter) {
          i += 1;
          if (i >= n) {
            cells.push('');
            endOfRecord = true;
          }
          continue;
        } else {
          i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
          line += 1;
          endOfRecord = true;
        }
        continue;
      }
      if (i >= n) {
        cells.push(cell.trim());
        endOfRecord = true;
        break;
      }
      const ch = text[i]!;
      if (ch === delimiter) {
        cells.push(cell.trim());
        cell = '';
        i += 1;
        if (i >= n) {
          cells.push('');
          endOfRecord = true;
        }
      } else if (ch === '\n' || ch === '\r') {
        cells.push(cell.trim());
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line += 1;
        endOfRecord = true;
      } else {
        cell += ch;
        i += 1;
      }
    }
    if (cells.some((c) => c !== '')) records.push({ line: startLine, cells });
  }
  return { ok: true, records };
}
