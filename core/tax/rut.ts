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

/** Why a text is not a RUT, so the message can say it. */
export type RutProblem = 'empty' | 'format' | 'dots' | 'dash' | 'length' | 'zero' | 'checkDigit';

/** The largest body the SII hands out has eight digits (99.999.999). */
const MAX_BODY_DIGITS = 8;

/**
 * Reads a RUT the ways people write it: `12.531.909-2`, `12531909-2`, `125319092`, `12.531.909-k`,
 * with spaces around and leading zeros ignored; returns the canonical `12.531.909-2`. Dots must
 * group thousands (`1.2531.909-2` is refused), a dash may only stand before the check digit
 * (`12-531-909-2` is refused), and a body of zeros is no RUT (`00.000.000-0`).
 */
export function parseRut(input: string): { ok: true; value: string } | { ok: false; problem: RutProblem } {
  const text = input.trim().toUpperCase();
  if (text === '') return { ok: false, problem: 'empty' };
  const parts = /^([\d.]+?)(-?)([\dK])$/.exec(text);
  if (!parts) return { ok: false, problem: /^[\d.\-K]+$/.test(text) && text.includes('-') ? 'dash' : 'format' };
  const [, written = '', , digit = ''] = parts;
  if (written.includes('.')) {
    const [first = '', ...groups] = written.split('.');
    const leading = first.replace(/^0+/, '');
    if (first === '' || leading.length > 3 || groups.some((g) => !/^\d{3}$/.test(g))) return { ok: false, problem: 'dots' };
  }
  const body = written.replace(/\./g, '').replace(/^0+/, '');
  if (body === '') return { ok: false, problem: 'zero' };
  if (body.length > MAX_BODY_DIGITS) return { ok: false, problem: 'length' };
  if (rutCheckDigit(body) !== digit) return { ok: false, problem: 'checkDigit' };
  return { ok: true, value: formatRut(body, digit) };
}

export function formatRut(body: string, checkDigit: string): string {
  return `${body.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${checkDigit}`;
}

/** Digits and check digit only, for matching with or without dots and dash. */
export const compactRut = (rut: string): string => rut.replace(/[^0-9kK]/g, '').toUpperCase();
