import { CHILE, buildLedger, paymentStatusAsOf, readWorkbook, type WorkbookTables } from '../../core';

const HEADER = ['Tipo', 'Folio', 'Fecha', 'Vencimiento', 'RUT', 'Cliente', 'Email', 'Origen', 'Ref. origen', 'Neto', 'Exento', 'IVA', 'Total', 'Moneda', 'Estado', 'Ref. documento', 'Notas'];
const PAGOS = ['Fecha', 'Tipo', 'Folio', 'Monto', 'Medio', 'Referencia', 'Registrado por'];

const position = (over: Partial<Parameters<typeof paymentStatusAsOf>[0]> = {}) => ({ total: 119_000, paid: 0, adjustments: 0, dueDate: '2026-10-31', void: false, ...over });

describe('paymentStatusAsOf', () => {
  it('is pending before the due date with nothing paid', () => {
    expect(paymentStatusAsOf(position(), '2026-10-15')).toEqual({ status: 'pendiente', balance: 119_000 });
  });
  it('is still pending on the due date itself', () => {
    expect(paymentStatusAsOf(position(), '2026-10-31').status).toBe('pendiente');
  });
  it('is overdue the day after the due date', () => {
    expect(paymentStatusAsOf(position(), '2026-11-01')).toEqual({ status: 'vencida', balance: 119_000 });
  });
  it('is partial when something was paid and it is not yet due', () => {
    expect(paymentStatusAsOf(position({ paid: 19_000 }), '2026-10-20')).toEqual({ status: 'parcial', balance: 100_000 });
  });
  it('is overdue, not partial, when partly paid and past due', () => {
    expect(paymentStatusAsOf(position({ paid: 19_000 }), '2026-11-02')).toEqual({ status: 'vencida', balance: 100_000 });
  });
  it('is paid when payments and notes cover the total, even past due', () => {
    expect(paymentStatusAsOf(position({ paid: 100_000, adjustments: 19_000 }), '2027-01-01')).toEqual({ status: 'pagada', balance: 0 });
  });
  it('is paid when overpaid, with a negative balance', () => {
    expect(paymentStatusAsOf(position({ paid: 120_000 }), '2026-10-01')).toEqual({ status: 'pagada', balance: -1_000 });
  });
  it('is void whatever was paid', () => {
    expect(paymentStatusAsOf(position({ void: true, paid: 5 }), '2026-12-01')).toEqual({ status: 'anulada', balance: 0 });
  });
});

describe('buildLedger', () => {
  const tables: WorkbookTables = {
    Facturas: [
      HEADER,
      [33, 1001, '2026-10-01', '2026-10-31', '76.086.428-5', 'Acme Ltda', '', 'Pedido', 'PV-1', 100000, 0, 19000, 119000, 'CLP', 'Emitida', '', ''],
      [61, 501, '2026-10-10', '', '76.086.428-5', 'Acme Ltda', '', 'Directa', '', 20000, 0, 3800, 23800, 'CLP', 'Emitida', '33-1001', ''],
      [56, 301, '2026-10-12', '', '76.086.428-5', 'Acme Ltda', '', 'Directa', '', 1000, 0, 190, 1190, 'CLP', 'Emitida', '1001', ''],
      [33, 1002, '2026-10-02', '2026-10-02', '12.531.909-2', 'Peñalolén SpA', '', 'Nota de entrega', 'NE-7', 10000, 0, 1900, 11900, 'CLP', 'Anulada', '', ''],
    ],
    Pagos: [PAGOS, ['2026-10-20', 33, 1001, 50000, 'Transferencia', 'TX-1', 'ana'], ['2026-11-05', 33, 1001, 10000, 'Transferencia', 'TX-2', 'ana']],
    Detalle: [['Tipo', 'Folio', 'Descripción', 'Cantidad', 'Precio unitario', 'Descuento %', 'Exento']],
    Clientes: [['RUT', 'Razón social']],
    Historial: [['ID', 'Fecha y hora', 'Tipo', 'Folio', 'Estado anterior', 'Estado nuevo']],
  };
  const read = readWorkbook(tables, { profile: CHILE, timeZone: 'America/Santiago' });

  it('reads every row without issues', () => {
    expect(read.issues).toEqual([]);
    expect(read.book.documents).toHaveLength(4);
  });

  it('reduces the invoice balance by its credit note and raises it by its debit note', () => {
    const ledger = buildLedger(read.book, '2026-10-25', CHILE);
    const invoice = ledger.byKey(33, 1001)!;
    expect(invoice.adjustments).toBe(23_800 - 1_190);
    expect(invoice.paid).toBe(50_000);
    expect(invoice.balance).toBe(119_000 - 50_000 - 23_800 + 1_190);
    expect(invoice.paymentStatus).toBe('parcial');
    expect(ledger.byKey(61, 501)).toMatchObject({ balance: 0, paymentStatus: 'parcial' });
  });

  it('counts only payments and notes dated on or before the as-of date', () => {
    expect(buildLedger(read.book, '2026-10-05', CHILE).byKey(33, 1001)).toMatchObject({ paid: 0, adjustments: 0, balance: 119_000, paymentStatus: 'pendiente' });
    expect(buildLedger(read.book, '2026-11-10', CHILE).byKey(33, 1001)).toMatchObject({ paid: 60_000, balance: 36_390, paymentStatus: 'vencida', daysOverdue: 10 });
  });

  it('shows a void document as void with no balance', () => {
    expect(buildLedger(read.book, '2026-11-10', CHILE).byKey(33, 1002)).toMatchObject({ paymentStatus: 'anulada', balance: 0 });
  });
});
