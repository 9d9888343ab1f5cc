import { CHILE, formatIssue, issue, paymentMethodOptions, canonicalPaymentMethod, parseTypedAmount, readWorkbook, recordTypedPayment, suggestedAmount } from '../../core';
import { FACTURAS_HEADER, documentRow, workbook } from '../support/tables';

describe('parseTypedAmount', () => {
  it.each([
    ['297500', 'CLP', 297_500],
    ['297.500', 'CLP', 297_500],
    ['$297.500', 'CLP', 297_500],
    [' 1.000 ', 'CLP', 1_000],
    ['12,50', 'USD', 1_250],
    ['12.50', 'USD', 1_250],
    ['US$1.234,5', 'USD', 123_450],
    ['1.000', 'USD', 100_000],
    ['-5', 'CLP', -5],
  ])('reads %p on a %s document as %p minor units', (text, currency, minor) => {
    expect(parseTypedAmount(text, currency)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['1,000', 'CLP', '«1,000» se puede leer de dos maneras en CLP; escriba 1.000 o 1000 (sin decimales)'],
    ['100.50', 'CLP', '«100.50» se puede leer de dos maneras en CLP; escriba 1.000 o 1000 (sin decimales)'],
    ['1,5', 'CLP', '«1,5» se puede leer de dos maneras en CLP; escriba 1.000 o 1000 (sin decimales)'],
    ['1,000', 'USD', '«1,000» se puede leer de dos maneras en USD; escriba 1.234,50 (punto para miles, coma para decimales)'],
    ['1,234.50', 'USD', '«1,234.50» se puede leer de dos maneras en USD; escriba 1.234,50 (punto para miles, coma para decimales)'],
    ['US$5', 'CLP', '«US$5» está en USD y el documento en CLP; escriba el monto en CLP'],
    ['$5', 'USD', '«$5» está en CLP y el documento en USD; escriba el monto en USD'],
    ['quinientos', 'CLP', '«quinientos» no es un monto válido (use p. ej. 297500 o 297.500)'],
    ['99999999999999999999', 'CLP', '«99999999999999999999» es demasiado grande para guardarse exacto'],
  ])('refuses %p on a %s document', (text, currency, message) => {
    const result = parseTypedAmount(text, currency);
    expect(!result.ok && result.issues.map((i) => formatIssue({ ...i, path: {} }))).toEqual([message.charAt(0).toUpperCase() + message.slice(1)]);
  });

  it('suggests the balance in major units of the document currency, read back to the same amount', () => {
    expect(suggestedAmount(1_250, 'USD')).toBe('12,50');
    expect(suggestedAmount(297_500, 'CLP')).toBe('297500');
    for (const [amount, currency] of [
      [1_250, 'USD'],
      [297_500, 'CLP'],
      [5, 'USD'],
      [12_345, 'CLF'],
    ] as const) {
      expect(parseTypedAmount(suggestedAmount(amount, currency), currency)).toEqual({ ok: true, value: amount });
    }
  });
});

describe('payment methods', () => {
  it('are stored as the same canonical text whatever the language they were chosen in', () => {
    expect(canonicalPaymentMethod('Bank transfer')).toBe('Transferencia');
    expect(canonicalPaymentMethod(' transferencia ')).toBe('Transferencia');
    expect(canonicalPaymentMethod('Cash')).toBe('Efectivo');
    expect(canonicalPaymentMethod('Pago en especies')).toBe('Pago en especies');
    expect(paymentMethodOptions('en')[0]).toEqual({ value: 'Transferencia', label: 'Bank transfer' });
  });
});

describe('recordTypedPayment', () => {
  const usdRow = documentRow({ number: 7, net: 0, exempt: 0, tax: 0, total: 0 });
  usdRow.splice(9, 4, 0, '100,00', 0, '100,00');
  usdRow[13] = 'USD';
  const read = readWorkbook({ ...workbook([{ number: 1 }]), Facturas: [FACTURAS_HEADER, documentRow({ number: 1 }), usdRow] }, { profile: CHILE, timeZone: 'UTC' });
  const stamp = { user: 'ana', channel: 'cli' as const, today: '2026-10-10', now: '2026-10-10T13:00:00.000Z' };

  it('reads the amount in the currency of the document it finds', () => {
    const result = recordTypedPayment(read, CHILE, { document: '33-7', amount: '12,50', date: '', method: 'Cash', reference: ' TX ' }, stamp);
    expect(result.ok && result.value.request).toMatchObject({ amount: 1_250, date: '2026-10-10', method: 'Efectivo', reference: 'TX' });
  });

  it('reports every problem of the form at once', () => {
    const result = recordTypedPayment(read, CHILE, { document: '33-1', amount: '1,000', date: '31-02-2026', method: '', reference: '' }, stamp);
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['ambiguousAmount', 'invalidDate']);
  });
});

describe('messages that repeat what was typed', () => {
  it('escape control bytes and bidi overrides, and cut long input saying how long it was', () => {
    const typed = `1\u001b[2J\r\nhola\u202e`;
    expect(formatIssue(issue('invalidNumber', { field: 'amount' }, { value: typed }))).toBe('Monto: «1\\u001b[2J\\r\\nhola\\u202e» no es un monto válido (use p. ej. 297500 o 297.500)');
    const huge = 'x'.repeat(39_000_000);
    const message = formatIssue(issue('invalidNumber', {}, { value: huge }));
    expect(message.length).toBeLessThan(200);
    expect(message).toContain(`${'x'.repeat(80)}… (39000000)`);
  });
});
