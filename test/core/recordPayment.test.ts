import { CHILE, asLiteralText, formatIssue, readWorkbook, recordPayment, voidDocument, type PaymentRequest } from '../../core';
import { FACTURAS_HEADER, workbook, documentRow } from '../support/tables';

const header = [...FACTURAS_HEADER, 'Pagado', 'Saldo', 'Estado de pago'];
const tables = {
  ...workbook([], [['2026-10-05', 33, 1, 50_000, 'Transferencia', 'TX-1', 'ana']]),
  Facturas: [
    header,
    [...documentRow({ number: 1, due: '2026-10-31' }), '', '', ''],
    [...documentRow({ number: 2, state: 'Anulada' }), '', '', ''],
    [...documentRow({ type: 61, number: 3, reference: '33-1', net: 1000, tax: 190 }), '', '', ''],
    [...documentRow({ number: 4, due: '2026-10-31' }), '', '', ''],
  ],
};
const read = readWorkbook(tables, { profile: CHILE, timeZone: 'UTC' });

const request = (over: Partial<PaymentRequest> = {}): PaymentRequest => ({
  document: '33-1',
  amount: 20_000,
  date: '2026-10-10',
  method: 'Transferencia',
  reference: '=HYPERLINK("x")',
  user: 'ana@example.cl',
  channel: 'cli',
  today: '2026-10-10',
  now: '2026-10-10T13:00:00.000Z',
  ...over,
});

describe('recordPayment', () => {
  it('appends Pagos and Historial and refreshes only the derived cells of that row', () => {
    const result = recordPayment(read, CHILE, request());
    if (!result.ok) throw new Error(result.issues.map((i) => formatIssue(i)).join('\n'));
    const { plan, before, after } = result.value;
    expect(before).toMatchObject({ balance: 119_000 - 50_000 - 1_190, paymentStatus: 'parcial' });
    expect(after).toMatchObject({ paid: 70_000, balance: 47_810, paymentStatus: 'parcial' });
    expect(plan.updates).toEqual([
      { tab: 'facturas', row: 2, column: 17, value: 70_000 },
      { tab: 'facturas', row: 2, column: 18, value: 47_810 },
      { tab: 'facturas', row: 2, column: 19, value: 'parcial' },
    ]);
    expect(plan.appends).toEqual([
      { tab: 'pagos', values: [{ date: '2026-10-10' }, 33, 1, 20_000, 'Transferencia', '=HYPERLINK("x")', 'ana@example.cl'] },
      { tab: 'historial', values: ['H-00001', { instant: '2026-10-10T13:00:00.000Z' }, 33, 1, 'parcial', 'parcial', 20_000, 'ana@example.cl', 'cli'] },
    ]);
  });

  it('records pendiente -> pagada when the payment settles the balance', () => {
    const result = recordPayment(read, CHILE, request({ amount: 67_810 }));
    expect(result.ok && [result.value.before.paymentStatus, result.value.after.paymentStatus]).toEqual(['parcial', 'pagada']);
  });

  it.each([
    [{ document: '33-99' }, 'No existe el documento «33-99»'],
    [{ document: 'abc' }, '«abc» no es un documento (use FOLIO o TIPO-FOLIO, p. ej. 33-1023)'],
    [{ document: '33-2' }, '33-2 está anulada y no admite pagos'],
    [{ document: '61-3' }, '61-3 es una nota; registre el pago en 33-1, el documento que modifica'],
    [{ amount: 0 }, 'Monto: el monto «0» debe ser mayor que cero'],
    [{ amount: -5 }, 'Monto: el monto «-5» debe ser mayor que cero'],
    [{ amount: 67_811 }, 'Monto: el monto $67.811 supera el saldo de 33-1 ($67.810)'],
    [{ expectedBalance: 119_000 }, '33-1 cambió desde que se mostró (saldo ahora $67.810); vuelva a abrirla'],
  ])('refuses %p', (over, message) => {
    const result = recordPayment(read, CHILE, request(over));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => formatIssue(i))).toEqual([message.charAt(0).toUpperCase() + message.slice(1)]);
  });

  it('finds a document by its bare folio when only one type has it', () => {
    const result = recordPayment(read, CHILE, request({ document: '1', amount: 1 }));
    expect(result.ok && result.value.before.number).toBe(1);
  });
});

describe('voidDocument', () => {
  it('writes Anulada in the Estado cell and a Historial entry', () => {
    const result = voidDocument(read, CHILE, { document: '33-4', user: 'ana', channel: 'sidebar', today: '2026-10-10', now: '2026-10-10T13:00:00.000Z' });
    if (!result.ok) throw new Error('expected ok');
    expect(result.value.plan.updates[0]).toEqual({ tab: 'facturas', row: 5, column: 14, value: 'Anulada' });
    expect(result.value.after.paymentStatus).toBe('anulada');
    expect(result.value.plan.appends[0]?.values.slice(4, 6)).toEqual(['pendiente', 'anulada']);
  });

  it('refuses a document that is already void', () => {
    const result = voidDocument(read, CHILE, { document: '33-2', user: 'ana', channel: 'sidebar', today: '2026-10-10', now: 'x' });
    expect(!result.ok && formatIssue(result.issues[0]!)).toBe('33-2 ya está anulada');
  });
});

describe('asLiteralText', () => {
  it.each(['=1+1', '+56 9 1234', '-descuento', '@import'])('keeps %s as text', (text) => {
    expect(asLiteralText(text)).toBe(`'${text}`);
  });
  it('leaves plain text and numbers alone', () => {
    expect(asLiteralText('Transferencia')).toBe('Transferencia');
    expect(asLiteralText(-5)).toBe(-5);
  });
});

describe('amounts in cells', () => {
  it('are written in the units people type, so a dollar invoice reads back the same', () => {
    const usdRow = [...documentRow({ number: 7, net: 0, exempt: 0, tax: 0, total: 0 }), '', '', ''];
    usdRow.splice(9, 4, 0, '100.00', 0, '100.00');
    usdRow[13] = 'USD';
    const usd = readWorkbook({ ...tables, Facturas: [header, usdRow] }, { profile: CHILE, timeZone: 'UTC' });
    expect(usd.book.documents[0]).toMatchObject({ currency: 'USD', exempt: 10_000, total: 10_000 });
    const result = recordPayment(usd, CHILE, request({ document: '33-7', amount: 1_250 }));
    if (!result.ok) throw new Error(result.issues.map((i) => formatIssue(i)).join('\n'));
    expect(result.value.plan.appends[0]!.values[3]).toBe(12.5);
    expect(result.value.plan.appends[1]!.values[6]).toBe(12.5);
    expect(result.value.plan.updates.map((u) => u.value)).toEqual([12.5, 87.5, 'vencida']);
  });
});

describe('voidDocument with payments', () => {
  it('refuses, so no recorded money points at a void document', () => {
    const result = voidDocument(read, CHILE, { document: '33-1', user: 'ana', channel: 'cli', today: '2026-10-10', now: 'x' });
    expect(!result.ok && formatIssue(result.issues[0]!)).toBe('33-1 tiene pagos por $50.000; anúlela con una nota de crédito (61) o corrija primero los pagos');
  });
});
