// Base64url digits: JSON carries them without escapes, and each holds five bits of a number plus a
// continuation bit, so a folio step of 1 or an empty amount costs one character and 250.000 costs four.
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CONTINUE = 32;

const CODES: readonly number[] = Array.from(DIGITS, (digit) => digit.charCodeAt(0));
const CHUNK = 8192;

/**
 * Integers below 2^52 in magnitude (zigzag doubles them), each zigzagged so small negatives stay short, written as base-32 chunks,
 * low first. Arithmetic instead of bit operators: amounts in minor units pass 2^31.
 */
export function packIntegers(values: readonly number[]): string {
  // Up to 11 digits per number (2^53 in 5-bit chunks); char codes first, one string at the end.
  let codes = new Uint8Array(Math.max(16, values.length * 2));
  let length = 0;
  for (const value of values) {
    if (length + 11 > codes.length) {
      const grown = new Uint8Array(codes.length * 2);
      grown.set(codes);
      codes = grown;
    }
    let rest = value >= 0 ? value * 2 : -value * 2 - 1;
    while (rest >= CONTINUE) {
      const low = rest % CONTINUE;
      codes[length++] = CODES[CONTINUE + low]!;
      rest = (rest - low) / CONTINUE;
    }
    codes[length++] = CODES[rest]!;
  }
  const parts: string[] = [];
  for (let at = 0; at < length; at += CHUNK) parts.push(String.fromCharCode(...codes.subarray(at, Math.min(length, at + CHUNK))));
  return parts.join('');
}

const DIGIT_VALUES: readonly number[] = (() => {
  const values = new Array<number>(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) values[DIGITS.charCodeAt(i)] = i;
  return values;
})();

/** The integers `packIntegers` wrote; null when the text is not such a list of exactly `count` numbers. */
export function unpackIntegers(text: string, count: number): number[] | null {
  const values: number[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    let zigzag = 0;
    let scale = 1;
    for (;;) {
      const digit = DIGIT_VALUES[text.charCodeAt(at++)] ?? -1;
      if (digit < 0) return null;
      zigzag += (digit % CONTINUE) * scale;
      if (digit < CONTINUE) break;
      scale *= CONTINUE;
    }
    values.push(zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2);
  }
  return at === text.length ? values : null;
}
