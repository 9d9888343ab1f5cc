import { CHILE, formatIssue, readWorkbook } from '../../core';
import { FACTURAS_HEADER, documentRow, workbook } from '../support/tables';

const read = (tables: Parameters<typeof readWorkbook>[0]) => readWorkbook(tables, { profile: CHILE, timeZone: 'America/Santiago' });

describe('readWorkbook', () => {
  it('finds tabs and columns by header in any order, with English aliases and without accents', () => {
    const header = ['total', 'NUMBER', 'Type', 'Fecha', 'due date', 'tax id', 'Customer', 'Origin', 'Net', 'Exempt', 'VAT', 'estado', 'Mi columna'];
    const tables = {
      invoices: [header, [119000, 7, 33, '15-10-2026', '', '76086428-5', 'Peñalolén SpA', 'delivery note', 100000, 0, 19000, 'Issued', 'lo que sea']],
      PAGOS: [['fecha', 'tipo', 'folio', 'monto']],
      Detalle: [['Tipo', 'Folio', 'Descripcion', 'Cantidad', 'Precio Unitario']],
      Customers: [['Tax ID', 'Razon Social']],
      History: [['ID', 'Date and time', 'Type', 'Number', 'Previous status', 'New status']],
    };
    const result = read(tables);
    expect(result.issues).toEqual([]);
    expect(result.book.documents[0]).toMatchObject({
      type: 33,
      number: 7,
      issueDate: '2026-10-15',
      dueDate: null,
      customerTaxId: '76.086.428-5',
      origin: 'nota-entrega',
      total: 119000,
      row: 2,
    });
    expect(result.layout.facturas?.columns.total).toBe(0);
  });

  it('reports every unreadable row with tab, row and column, and keeps the others', () => {
    const tables = workbook([{ number: 1 }, { number: 2, total: 120_000 }, { number: 3, rut: '76.086.428-4' }, { number: 4, date: '2026-02-30' }, { number: 5 }]);
    (tables.Facturas as unknown as unknown[][])[5]![9] = 'cien mil';
    const result = read(tables);
    expect(result.book.documents.map((d) => d.number)).toEqual([1]);
    expect(result.issues.map((i) => formatIssue(i))).toEqual([
      'Facturas, fila 3, columna Total: «120000» no es Neto + Exento + IVA ($119.000)',
      'Facturas, fila 4, columna RUT: «76.086.428-4» tiene el dígito verificador incorrecto',
      'Facturas, fila 5, columna Fecha: «2026-02-30» no es una fecha válida (use AAAA-MM-DD o DD-MM-AAAA)',
      'Facturas, fila 6, columna Neto: «cien mil» no es un monto válido (use p. ej. 297500 o 297.500)',
    ]);
    expect(formatIssue(result.issues[0]!, 'en')).toBe('Invoices, row 3, column Total: «120000» is not Net + Exempt + VAT ($119.000)');
  });

  it('reports a missing tab and a missing required column, and still reads the rest', () => {
    const tables = workbook([{ number: 1 }]);
    const noPagos = { ...tables, Pagos: undefined } as unknown as Record<string, unknown[][]>;
    delete noPagos.Pagos;
    noPagos.Clientes = [['RUT']];
    const result = read(noPagos as never);
    expect(result.book.documents).toHaveLength(1);
    expect(result.issues.map((i) => formatIssue(i))).toEqual([
      'Pagos: falta la hoja Pagos; use «Preparar planilla» para crearla',
      'Clientes, columna Razón social: falta la columna Razón social (o Company name) en la fila de encabezados',
    ]);
  });

  it('reports a duplicate folio, a dangling note and VAT that is not 19% of the net', () => {
    const result = read(workbook([{ number: 1 }, { number: 1 }, { type: 61, number: 9, reference: '33-404' }, { number: 2, net: 1000, tax: 200, total: 1200 }]));
    expect(result.issues.map((i) => formatIssue(i))).toEqual([
      'Facturas, fila 3, columna Folio: el documento 33-1 ya está en la fila 2',
      'Facturas, fila 4, columna Ref. documento: «33-404» no corresponde a ningún documento',
      'Facturas, fila 5, columna IVA: «200» no es el IVA 19% del Neto ($190)',
    ]);
  });

  it('reads amounts written the Chilean way and dates as Date cells in the sheet time zone', () => {
    const row = documentRow({ number: 8 });
    row[2] = new Date('2026-10-15T03:00:00Z'); // midnight in Santiago (UTC-3 in October)
    row[9] = '$100.000';
    row[11] = '19.000';
    row[12] = '119.000';
    const result = read(workbook([]));
    const withRow = read({ ...workbook([]), Facturas: [FACTURAS_HEADER, row] });
    expect(result.issues).toEqual([]);
    expect(withRow.issues).toEqual([]);
    expect(withRow.book.documents[0]).toMatchObject({ issueDate: '2026-10-15', net: 100_000, tax: 19_000, total: 119_000 });
  });

  it('skips blank rows and never trusts the derived columns', () => {
    const header = [...FACTURAS_HEADER, 'Pagado', 'Saldo', 'Estado de pago'];
    const result = read({ ...workbook([]), Facturas: [header, ['', '', ''], [...documentRow({ number: 3 }), 999, -5, 'pagada']] });
    expect(result.issues).toEqual([]);
    expect(result.book.documents[0]).toMatchObject({ number: 3, row: 3 });
    expect(result.layout.facturas?.columns.balance).toBe(18);
  });

  it("checks Origen, Estado and Moneda against one list each, and names the allowed values in the reader's language", () => {
    const origin = documentRow({ number: 1, origin: 'Teletransporte' });
    const currency = documentRow({ number: 2 });
    currency[13] = 'XYZ';
    const state = documentRow({ number: 3, state: 'Borrador' });
    const result = read({ ...workbook([]), Facturas: [FACTURAS_HEADER, origin, currency, state] });
    expect(result.book.documents).toEqual([]);
    expect(result.issues.map((i) => formatIssue(i, 'en'))).toEqual([
      'Invoices, row 2, column Origen: «Teletransporte» is not an allowed value (Sales order, Delivery note, Direct)',
      'Invoices, row 3, column Moneda: «XYZ» is not an allowed value (CLP, CLF, USD, EUR, PEN, ARS, COP, MXN, UYU, BRL)',
      'Invoices, row 4, column Estado: «Borrador» is not an allowed value (Issued, Void)',
    ]);
    expect(formatIssue(result.issues[0]!)).toBe('Facturas, fila 2, columna Origen: «Teletransporte» no es un valor permitido (Pedido, Nota de entrega, Directa)');
  });
});
