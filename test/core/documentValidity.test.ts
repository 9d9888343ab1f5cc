import { CHILE, buildLedger, formatIssue, readWorkbook, recordPayment, voidDocument, type PaymentRequest, type WorkbookTables } from '../../core';
import { FACTURAS_HEADER, documentRow, workbook } from '../support/tables';

const read = (tables: WorkbookTables) => readWorkbook(tables, { profile: CHILE, timeZone: 'UTC' });
const messages = (tables: WorkbookTables) => read(tables).issues.map((i) => formatIssue(i));
const pay = (tables: WorkbookTables, over: Partial<PaymentRequest> = {}) =>
  recordPayment(read(tables), CHILE, {
    document: '33-1',
    amount: 1_000,
    date: '2026-10-10',
    method: '',
    reference: '',
    user: 'ana',
    channel: 'cli',
    today: '2026-10-10',
    now: '2026-10-10T13:00:00.000Z',
    ...over,
  });
const refusal = (result: ReturnType<typeof pay>) => (result.ok ? [] : result.issues.map((i) => formatIssue(i)));

describe('documents that cannot be right', () => {
  it('refuses invoices whose total is zero or negative', () => {
    const tables = workbook([{ number: 1, net: 0, tax: 0 }, { number: 2, net: -1000, tax: -190 }, { number: 3 }]);
    expect(read(tables).book.documents.map((d) => d.number)).toEqual([3]);
    expect(messages(tables)).toEqual(['Facturas, fila 2, columna Total: el total «0» debe ser mayor que cero', 'Facturas, fila 3, columna Total: el total «-1190» debe ser mayor que cero']);
  });

  it('refuses a credit note larger than what remains of the invoice, and blocks writes to that invoice', () => {
    const tables = workbook([
      { number: 1, net: 100_000 },
      { type: 61, number: 5, reference: '33-1', net: 60_000 },
      { type: 61, number: 6, reference: '33-1', net: 50_000 },
    ]);
    const result = read(tables);
    expect(result.book.documents.map((d) => `${d.type}-${d.number}`)).toEqual(['33-1', '61-5']);
    expect(messages(tables)).toEqual(['Facturas, fila 4, columna Total: la nota de crédito por $59.500 supera lo que queda de 33-1 ($47.600)']);
    expect(refusal(pay(tables))).toEqual(['No se escribe en 33-1: lo tocan filas que no se pueden leer (Facturas fila 4); corríjalas primero']);
  });

  it('refuses folios and amounts that a number cannot hold exactly', () => {
    const folio = documentRow({ number: 1 });
    folio[1] = '12345678901234567890';
    const huge = documentRow({ number: 2 });
    huge.splice(9, 4, 2 ** 60, 0, 0, 2 ** 60);
    const result = read({ ...workbook([]), Facturas: [FACTURAS_HEADER, folio, huge] });
    expect(result.book.documents).toEqual([]);
    expect(result.issues.map((i) => [i.path.column, i.code])).toEqual([
      ['Folio', 'amountTooLarge'],
      ['Neto', 'amountTooLarge'],
      ['Total', 'amountTooLarge'],
    ]);
    expect(formatIssue(result.issues[0]!)).toBe('Facturas, fila 2, columna Folio: «12345678901234567890» es demasiado grande para guardarse exacto');
  });
});

describe('a note pointing to no document', () => {
  it('is reported and left out, so no face shows it overdue or adds it to totals', () => {
    const tables = workbook([{ number: 1 }, { type: 61, number: 9, reference: '33-404' }]);
    const result = read(tables);
    expect(messages(tables)).toEqual(['Facturas, fila 3, columna Ref. documento: «33-404» no corresponde a ningún documento']);
    expect(result.book.documents.map((d) => `${d.type}-${d.number}`)).toEqual(['33-1']);
    expect(buildLedger(result.book, '2026-12-31', CHILE).views.reduce((sum, v) => sum + v.total, 0)).toBe(119_000);
  });
});

describe('unreadable rows that touch a document', () => {
  it('block payments on it, naming the rows, so it cannot be paid twice', () => {
    const tables = workbook([{ number: 1 }, { number: 2 }], [['2026-10-05', 33, 1, 'quinientos mil', 'Transferencia', '', 'ana']]);
    expect(refusal(pay(tables))).toEqual(['No se escribe en 33-1: lo tocan filas que no se pueden leer (Pagos fila 2); corríjalas primero']);
    expect(pay(tables, { document: '33-2' }).ok).toBe(true);
  });

  it('an unreadable Historial row or note row blocks it too, and voiding is refused the same way', () => {
    const tables = workbook([{ number: 1 }, { type: 61, number: 3, reference: '33-1', date: 'ayer' }], [], {
      Historial: [
        ['ID', 'Fecha y hora', 'Tipo', 'Folio', 'Estado anterior', 'Estado nuevo', 'Monto', 'Usuario', 'Canal'],
        ['H-00001', '', 33, 1, 'pendiente', 'pagada', '', '', ''],
      ],
    });
    const refused = voidDocument(read(tables), CHILE, { document: '33-1', user: 'ana', channel: 'cli', today: '2026-10-10', now: 'x' });
    expect(!refused.ok && refused.issues.map((i) => formatIssue(i))).toEqual(['No se escribe en 33-1: lo tocan filas que no se pueden leer (Facturas fila 3, Historial fila 2); corríjalas primero']);
  });
});

describe('two tabs meaning the same', () => {
  it('are reported, and every write is refused until one is left', () => {
    const tables = { ...workbook([{ number: 1 }]), Invoices: [FACTURAS_HEADER, documentRow({ number: 1, net: 5000 })] };
    expect(messages(tables)).toEqual(['Facturas: las hojas Facturas, Invoices significan lo mismo (Facturas); deje una sola']);
    expect(refusal(pay(tables))).toEqual(['Facturas: no se escribe nada: la planilla tiene varias hojas para Facturas (Facturas, Invoices); deje una sola']);
  });
});
