/** Chilean RUT: body digits plus a mod-11 check digit (0-9 or K). */

export function rutCheckDigit(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const rest = 11 - (sum % 11);
  return rest === 11 ? '0' : rest === 10 ? 'K' : String(rest);
}

export type RutProblem = 'empty' | 'format' | 'checkDigit';

/** Parses `12.345.678-5`, `12345678-5` or `123456785`; returns the canonical `12.345.678-5`. */
export function parseRut(input: string): { ok: true; value: string } | { ok: false; problem: RutProblem } {
  const compact = input.replace(/[.\s]/g, '').replace(/-/g, '').toUpperCase();
  if (compact === '') return { ok: false, problem: 'empty' };
  if (!/^\d{1,8}[\dK]$/.test(compact)) return { ok: false, problem: 'format' };
  const body = compact.slice(0, -1).replace(/^0+(?=\d)/, '');
  const digit = compact.slice(-1);
  if (rutCheckDigit(body) !== digit) return { ok: false, problem: 'checkDigit' };
  return { ok: true, value: formatRut(body, digit) };
}

export function formatRut(body: string, checkDigit: string): string {
  return `${body.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${checkDigit}`;
}

/** Digits and check digit only, for matching with or without dots and dash. */
export const compactRut = (rut: string): string => rut.replace(/[^0-9kK]/g, '').toUpperCase();
