import { formatIssue, issue, parseRut } from '../../core';

// Published test vectors of two public RUT validators, read as data:
// python-stdnum's stdnum/cl/rut.py doctests and tests/test_cl_rut.doctest (numbers the SII lists as
// electronic issuers), and rut.js's test.js (validate and format).
const STDNUM_VALID = [
  '76086428-5',
  '10075381-2',
  '10219183-8',
  '10626628-K',
  '10726809-K',
  '11472349-5',
  '12392004-K',
  '13021498-3',
  '14684927-K',
  '16607084-8',
  '3528355-2',
  '4769973-8',
  '52000543-9',
  '5314394-6',
  '53311164-5',
  '65700550-9',
  '73968300-9',
  '76014309-K',
  '76094260-K',
  '76563850-K',
  '76688170-K',
  '76968400-K',
  '77416300-K',
  '7741928-4',
  '77962630-K',
  '78006840-K',
  '79586380-K',
  '8005083-6',
  '83156400-8',
  '88830500-9',
  '90753000-0',
  '91520000-1',
  '9334748-K',
  '96919970-K',
  '96953410-K',
  '96967100-K',
  '9890042-K',
  '99147000-K',
  '99595090-1',
];

describe('parseRut against published vectors', () => {
  it.each(STDNUM_VALID)('python-stdnum: %s is valid', (rut) => {
    const parsed = parseRut(rut);
    expect(parsed.ok).toBe(true);
  });

  it.each([
    // python-stdnum format('125319092') and rut.js format(...)
    ['125319092', '12.531.909-2'],
    ['18.972.631-7', '18.972.631-7'],
    ['189726317', '18.972.631-7'],
    ['18972631-7', '18.972.631-7'],
    ['9.068.826-k', '9.068.826-K'],
    ['9068826-k', '9.068.826-K'],
    ['9068826k', '9.068.826-K'],
    // rut.js clean: leading zeros are ignored
    ['0018.972.631-7', '18.972.631-7'],
    ['00000189726317', '18.972.631-7'],
    // the SII's generic buyer for receipts without a named customer
    ['66.666.666-6', '66.666.666-6'],
    [' 12.531.909-2 ', '12.531.909-2'],
  ])('%p reads as %p', (input, canonical) => {
    expect(parseRut(input)).toEqual({ ok: true, value: canonical });
  });

  it.each([
    ['12531909-3', 'checkDigit'], // python-stdnum: InvalidChecksum
    ['76086A28-5', 'format'], // python-stdnum: InvalidFormat
    ['18.972.631-0', 'checkDigit'], // rut.js
    ['9068826-1', 'checkDigit'], // rut.js
    ['18,972,631-7', 'format'], // rut.js
    ['18*972*631-7', 'format'], // rut.js
    ['error18.972.631-7', 'format'], // rut.js
    ['18-972-631-7', 'dash'], // rut.js
    ['', 'empty'], // rut.js
    ['0', 'format'], // rut.js
    // Our own, from the hardening issue: once accepted, now refused saying why.
    ['00.000.000-0', 'zero'],
    ['0-0', 'zero'],
    ['12-531-909-2', 'dash'],
    ['1.2531.909-2', 'dots'],
    ['12.5319.09-2', 'dots'],
    ['.12.531.909-2', 'dots'],
    ['123.456.789-2', 'length'],
    // python-stdnum strips a `CL` prefix; a RUT cell holds the RUT alone, so we refuse it.
    ['CL 12531909-2', 'format'],
  ])('%p is refused (%s)', (input, problem) => {
    expect(parseRut(input)).toEqual({ ok: false, problem });
  });

  it('says why in the message', () => {
    const message = (value: string, problem: string) => formatIssue(issue('invalidTaxId', { field: 'rut' }, { value, problem }));
    expect(message('00.000.000-0', 'zero')).toBe('rut: «00.000.000-0» no es un RUT: el número no puede ser cero');
    expect(message('12-531-909-2', 'dash')).toBe('rut: «12-531-909-2» tiene un guion fuera de lugar: solo va antes del dígito verificador (12345678-5)');
    expect(message('1.2531.909-2', 'dots')).toBe('rut: «1.2531.909-2» tiene los puntos fuera de lugar: agrupan miles (12.345.678-5) o no van');
  });
});
