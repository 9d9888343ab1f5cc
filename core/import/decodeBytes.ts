/**
 * Bytes to text without TextDecoder (Apps Script's V8 has none, and core uses no runtime
 * globals): strict UTF-8, Windows-1252 and ISO-8859-1. A decoder here never invents U+FFFD:
 * bytes that are not valid UTF-8 make the UTF-8 attempt fail, and the caller falls back or refuses.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'iso-8859-1';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
}

/** Windows-1252 0x80-0x9F; the five bytes it leaves undefined keep their C1 code point, as browsers do. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const CHUNK = 8192;

/** UTF-16 code units to a string in chunks, so a large file neither overflows the argument limit nor builds an array of numbers. */
function fromUnits(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]));
  return parts.join('');
}

/** Strict UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF); null when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, start = 0): string | null {
  // UTF-8 never takes fewer bytes than UTF-16 units, so one unit per byte is room enough.
  const units = new Uint16Array(Math.max(0, bytes.length - start));
  let length = 0;
  let i = start;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      units[length++] = b0;
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let point: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) [need, min, point] = [1, 0x80, b0 & 0x1f];
    else if (b0 >= 0xe0 && b0 <= 0xef) [need, min, point] = [2, 0x800, b0 & 0x0f];
    else if (b0 >= 0xf0 && b0 <= 0xf4) [need, min, point] = [3, 0x10000, b0 & 0x07];
    else return null;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return null;
      point = (point << 6) | (next & 0x3f);
    }
    if (point < min || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return null;
    if (point >= 0x10000) {
      units[length++] = 0xd800 + ((point - 0x10000) >> 10);
      units[length++] = 0xdc00 + ((point - 0x10000) & 0x3ff);
    } else units[length++] = point;
    i += need + 1;
  }
  return fromUnits(units, length);
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
  }
  return fromUnits(units, units.length);
}

export function decodeLatin1(bytes: Uint8Array): string {
  return fromUnits(Uint16Array.from(bytes), bytes.length);
}

const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** What a spreadsheet or the SII writes: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (hasUtf8Bom(bytes)) {
    const text = decodeUtf8(bytes, 3);
    if (text !== null) return { text, encoding: 'utf-8-bom' };
  } else {
    const text = decodeUtf8(bytes);
    if (text !== null) return { text, encoding: 'utf-8' };
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** The encoding a label names (an XML declaration's, case-insensitive), or null when it is not one we read. */
export function encodingOfLabel(label: string): TextEncoding | null {
  const key = label.trim().toLowerCase().replace(/_/g, '-');
  if (key === 'utf-8' || key === 'utf8') return 'utf-8';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1'].includes(key)) return 'iso-8859-1';
  if (['windows-1252', 'cp1252', 'x-cp1252'].includes(key)) return 'windows-1252';
  return null;
}

/** Decodes in the named encoding; null when UTF-8 was named and the bytes are not UTF-8. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string | null {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return decodeUtf8(bytes, hasUtf8Bom(bytes) ? 3 : 0);
    case 'windows-1252':
      return decodeWindows1252(bytes);
    case 'iso-8859-1':
      return decodeLatin1(bytes);
  }
}
