import { compactRut, formatRut, parseRut, rutCheckDigit } from '../../core';

describe('RUT', () => {
  it.each([
    ['76.086.428-5', '76.086.428-5'],
    ['12.531.909-2', '12.531.909-2'],
    ['125319092', '12.531.909-2'],
    ['12531909-2', '12.531.909-2'],
    ['  7.654.321-6 ', '7.654.321-6'],
    ['11.111.111-1', '11.111.111-1'],
  ])('accepts %s as %s', (input, canonical) => {
    expect(parseRut(input)).toEqual({ ok: true, value: canonical });
  });

  it('accepts K as a check digit in either case', () => {
    const body = '10000013';
    expect(rutCheckDigit(body)).toBe('K');
    expect(parseRut('10.000.013-k')).toEqual({ ok: true, value: '10.000.013-K' });
  });

  it.each([
    ['76.086.428-4', 'checkDigit'],
    ['12.531.909-3', 'checkDigit'],
    ['12.ABC.909-2', 'format'],
    ['RUT', 'format'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['123.456.789.012-3', 'length'],
  ])('rejects %p (%s)', (input, problem) => {
    expect(parseRut(input)).toEqual({ ok: false, problem });
  });

  it('computes the mod-11 check digit, including 0', () => {
    expect(rutCheckDigit('76086428')).toBe('5');
    expect(rutCheckDigit('12531909')).toBe('2');
    expect(rutCheckDigit('6')).toBe('K');
    expect(rutCheckDigit('9')).toBe('4');
    expect(rutCheckDigit('14')).toBe('0');
  });

  it('formats and compacts', () => {
    expect(formatRut('12345678', '5')).toBe('12.345.678-5');
    expect(compactRut('12.345.678-k')).toBe('12345678K');
  });
});
