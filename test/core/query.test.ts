import { CHILE, buildLedger, formatIssue, parseQuery, queryHelp, readWorkbook, runQuery, searchLedger, type Cell, type InvoiceView, type Ledger, type Query } from '../../core';
import { CLIENTES_HEADER, workbook } from '../support/tables';

// Amounts in the sheet are in major units: US$1.000,00 is written 1000 and held as 100000 cents.
const usdRow = (number: number, date: string, net: number): Cell[] => [
  33,
  number,
  date,
  '',
  '9.999.999-3',
  'Global Corp Inc',
  '',
  'Directa',
  '',
  net,
  0,
  net * 0.19,
  net * 1.19,
  'USD',
  'Emitida',
  '',
  '',
];

const tables = workbook(
  [
    { number: 1001, date: '2026-10-01', due: '2026-10-31', customer: 'Acme Ltda', rut: '76.086.428-5', origin: 'Pedido', net: 100_000 },
    { number: 1002, date: '2026-10-02', due: '2026-12-01', customer: 'Peñalolén SpA', rut: '12.345.678-5', origin: 'Nota de entrega', net: 1_000_000 },
    { type: 34, number: 1003, date: '2026-09-15', due: '2026-09-30', customer: 'Comercial Ñuñoa', rut: '11.111.111-1', origin: 'Directa', net: 0, exempt: 500_000, tax: 0 },
    { number: 1004, date: '2026-11-05', due: '2026-12-05', customer: 'Acme Ltda', rut: '76.086.428-5', origin: 'Pedido', net: 2_000_000 },
    { number: 1005, date: '2026-10-01', customer: 'Peñalolén SpA', rut: '12.345.678-5', state: 'Anulada', net: 50_000 },
    { type: 61, number: 501, date: '2026-10-10', customer: 'Acme Ltda', rut: '76.086.428-5', origin: 'Directa', net: 10_000, reference: '33-1001' },
    { number: 1006, date: '2026-11-01', due: '2026-11-01', customer: 'Servicios K Ltda', rut: '15.345.678-K', origin: 'Directa', net: 10_000 },
  ],
  [
    ['2026-10-20', 33, 1001, 50_000, 'Transferencia', 'TX-1', 'ana'],
    ['2026-09-20', 34, 1003, 500_000, 'Transferencia', 'TX-2', 'ana'],
    ['2026-11-06', 33, 1004, 10_000, 'Cheque', 'CH-9', 'ana'],
  ],
  {
    Clientes: [CLIENTES_HEADER, ['76.086.428-5', 'Acme Ltda', 'Empresa', '', '', '', '', '', 'Retail, Mayorista'], ['12.345.678-5', 'Peñalolén SpA', 'Empresa', '', '', '', '', '', 'Educación']],
  },
);
const withUsd = { ...tables, Facturas: [...tables.Facturas!, usdRow(2001, '2026-10-15', 1000), usdRow(2002, '2026-10-16', 500)] };

const read = readWorkbook(withUsd, { profile: CHILE, timeZone: 'America/Santiago' });
const ledger: Ledger = buildLedger(read.book, '2026-11-10', CHILE);

const keys = (views: readonly InvoiceView[]): string[] => views.map((v) => `${v.type}-${v.number}`);

function search(text: string, page = { offset: 0, limit: 100 }): string[] {
  const result = searchLedger(ledger, text, page);
  if (!result.ok) throw new Error(result.issues.map((i) => formatIssue(i, 'en')).join('\n'));
  return keys(result.value.items);
}

const sorted = (list: string[]): string[] => [...list].sort();

function errors(text: string, locale: 'es' | 'en' = 'es'): string[] {
  const result = parseQuery(text);
  if (result.ok) throw new Error(`expected issues for ${text}`);
  return result.issues.map((i) => formatIssue(i, locale));
}

describe('the ledger used by these tests', () => {
  it('reads cleanly and has the expected statuses', () => {
    expect(read.issues).toEqual([]);
    const status = Object.fromEntries(ledger.views.map((v) => [`${v.type}-${v.number}`, v.paymentStatus]));
    expect(status).toEqual({
      '33-1001': 'vencida',
      '33-1002': 'pendiente',
      '34-1003': 'pagada',
      '33-1004': 'parcial',
      '33-1005': 'anulada',
      '61-501': 'vencida',
      '33-1006': 'vencida',
      '33-2001': 'vencida',
      '33-2002': 'vencida',
    });
  });
});

describe('parseQuery', () => {
  it('reads an empty query as no words, filters or sort', () => {
    expect(parseQuery('   ')).toEqual({ ok: true, value: { words: [], filters: [], sort: [] } });
  });

  it('folds free words and keeps quoted phrases together', () => {
    expect(parseQuery('PEÑALOLÉN "Acme  Ltda"')).toEqual({ ok: true, value: { words: ['penalolen', 'acme ltda'], filters: [], sort: [] } });
  });

  it('compacts a free word written as a RUT to its digits', () => {
    expect(parseQuery('12.345.678-5 15345678-K')).toMatchObject({ ok: true, value: { words: ['123456785', '15345678k'] } });
  });

  it('reads every filter, in Spanish and English', () => {
    const query = parseQuery(
      'estado:vencida,PARTIAL customer:"Acme Ltda" rut:12.345.678-5 from:01-10-2026 hasta:2026-10-31 origen:nota-entrega type:33,61 monto>=1.000.000 balance<0 etiqueta:Educación',
    );
    expect(query).toEqual({
      ok: true,
      value: {
        words: [],
        filters: [
          { kind: 'status', statuses: ['vencida', 'parcial'] },
          { kind: 'customer', text: 'acme ltda' },
          { kind: 'taxId', compact: '123456785' },
          { kind: 'from', date: '2026-10-01' },
          { kind: 'to', date: '2026-10-31' },
          { kind: 'origin', origins: ['nota-entrega'] },
          { kind: 'type', types: [33, 61] },
          { kind: 'amount', field: 'total', op: '>=', value: 1_000_000 },
          { kind: 'amount', field: 'balance', op: '<', value: 0 },
          { kind: 'tag', tag: 'educacion' },
        ],
        sort: [],
      },
    });
  });

  it('joins filters typed with spaces around ":" and the comparison', () => {
    expect(parseQuery('cliente: "Acme Ltda" monto > 1000 saldo >= 5')).toEqual({
      ok: true,
      value: {
        words: [],
        filters: [
          { kind: 'customer', text: 'acme ltda' },
          { kind: 'amount', field: 'total', op: '>', value: 1000 },
          { kind: 'amount', field: 'balance', op: '>=', value: 5 },
        ],
        sort: [],
      },
    });
  });

  it('accepts typographic quotes as Slack sends them', () => {
    expect(parseQuery('cliente:“Acme Ltda”')).toMatchObject({ ok: true, value: { filters: [{ kind: 'customer', text: 'acme ltda' }] } });
  });

  it('reads single, multi-key and repeated sorts', () => {
    expect(parseQuery('orden:cliente,-fecha sort:-días')).toEqual({
      ok: true,
      value: {
        words: [],
        filters: [],
        sort: [
          { field: 'cliente', descending: false },
          { field: 'fecha', descending: true },
          { field: 'dias', descending: true },
        ],
      },
    });
  });

  it('names a bad status and lists the allowed ones', () => {
    expect(errors('estado:foo')).toEqual(['«estado:foo»: «foo» no es válido; use pendiente, parcial, vencida, pagada o anulada']);
    expect(errors('status:foo', 'en')).toEqual(['«status:foo»: «foo» is not valid; use pending, partial, overdue, paid or void']);
  });

  it('names an unknown filter and lists the filters', () => {
    expect(errors('colour:red')).toEqual(['«colour:red»: «colour» no es un filtro; use estado:, cliente:, rut:, desde:, hasta:, origen:, tipo:, etiqueta:, promesa:, orden:, monto>N o saldo>N']);
    expect(errors('colour:red', 'en')).toEqual(['«colour:red»: «colour» is not a filter; use status:, customer:, taxid:, from:, to:, origin:, type:, tag:, promise:, sort:, amount>N or balance>N']);
  });

  it('names an impossible date', () => {
    expect(errors('desde:2026-13-01')).toEqual(['«desde:2026-13-01»: «2026-13-01» no es válido; use una fecha AAAA-MM-DD o DD-MM-AAAA']);
  });

  it('names a field it cannot sort by', () => {
    expect(errors('orden:bogus')).toEqual([
      '«orden:bogus»: no se puede ordenar por «bogus»; use fecha, vencimiento, folio, tipo, cliente, total, saldo, estado o dias (con - delante para orden descendente, p. ej. orden:-total)',
    ]);
  });

  it('reports an unterminated quote', () => {
    expect(errors('cliente:"unterminated')).toEqual(['«cliente:"unterminated»: falta la comilla de cierre (")']);
    expect(errors('acme "ltda sur')).toEqual(['«"ltda sur»: falta la comilla de cierre (")']);
  });

  it('names a bad amount', () => {
    expect(errors('monto>abc')).toEqual(['«monto>abc»: «abc» no es válido; use un monto como 1000000 o 1.000.000, p. ej. monto>1.000.000']);
  });

  it('reports a filter without its value', () => {
    expect(errors('estado:')).toEqual(['«estado:»: falta el valor; use pendiente, parcial, vencida, pagada o anulada']);
    expect(errors('cliente:""', 'en')).toEqual(['«cliente:""»: the value is missing; use part of the name, e.g. customer:"Acme Ltda"']);
  });

  it('names a RUT with a wrong check digit or a bad format', () => {
    expect(errors('rut:12.345.678-9')).toEqual(['«rut:12.345.678-9»: «12.345.678-9» tiene el dígito verificador incorrecto']);
    expect(errors('rut:abc')).toEqual(['«rut:abc»: «abc» no es válido; use un RUT con dígito verificador, p. ej. 12.345.678-5']);
  });

  it('names bad origins and types', () => {
    expect(errors('origen:fax tipo:33,x')).toEqual([
      '«origen:fax»: «fax» no es válido; use pedido, nota-entrega o directa',
      '«tipo:33,x»: «x» no es válido; use códigos de documento, p. ej. 33 o 33,61',
    ]);
  });

  it('reports every bad word at once, each with its word as path', () => {
    const result = parseQuery('acme estado:foo,bar colour:red orden:bogus desde:ayer');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['queryInvalidValue', { word: 'estado:foo,bar' }],
      ['queryInvalidValue', { word: 'estado:foo,bar' }],
      ['queryUnknownFilter', { word: 'colour:red' }],
      ['queryInvalidSort', { word: 'orden:bogus' }],
      ['queryInvalidValue', { word: 'desde:ayer' }],
    ]);
  });

  it('keeps quoted text whole, colons and filter words included', () => {
    expect(parseQuery('"estado:vencida" O\'Higgins')).toEqual({ ok: true, value: { words: ['estado:vencida', "o'higgins"], filters: [], sort: [] } });
  });

  it('refuses a comparison on a filter that takes a value', () => {
    expect(errors('estado>3')).toEqual(['«estado>3»: «>3» no es válido; use pendiente, parcial, vencida, pagada o anulada']);
  });
});

describe('searching', () => {
  it('matches everything with an empty query, newest first then type and folio', () => {
    expect(search('')).toEqual(['33-1004', '33-1006', '33-2002', '33-2001', '61-501', '33-1002', '33-1001', '33-1005', '34-1003']);
  });

  it('folds case and accents: penalolen finds Peñalolén', () => {
    expect(sorted(search('penalolen'))).toEqual(['33-1002', '33-1005']);
    expect(sorted(search('ÑUÑOA'))).toEqual(['34-1003']);
  });

  it('finds a RUT by its digits, with or without dots and dash', () => {
    expect(sorted(search('12345678'))).toEqual(['33-1002', '33-1005']);
    expect(sorted(search('12.345.678-5'))).toEqual(['33-1002', '33-1005']);
    expect(sorted(search('15345678-k'))).toEqual(['33-1006']);
  });

  it('finds a folio, alone or with its type', () => {
    expect(search('1003')).toEqual(['34-1003']);
    expect(search('61-501')).toEqual(['61-501']);
  });

  it('needs every free word to match', () => {
    expect(sorted(search('acme 1004'))).toEqual(['33-1004']);
    expect(search('acme penalolen')).toEqual([]);
    expect(sorted(search('"acme ltda"'))).toEqual(['33-1001', '33-1004', '61-501']);
  });

  it('filters by payment status, one or several', () => {
    expect(search('estado:pendiente')).toEqual(['33-1002']);
    expect(sorted(search('estado:paid,void'))).toEqual(['33-1005', '34-1003']);
  });

  it('filters by customer name only, not folio or RUT', () => {
    expect(sorted(search('cliente:"acme ltda"'))).toEqual(['33-1001', '33-1004', '61-501']);
    expect(search('cliente:1001')).toEqual([]);
    expect(search('cliente:7608')).toEqual([]);
    expect(sorted(search('customer:K'))).toEqual(['33-1006']);
  });

  it('filters by RUT written any way', () => {
    for (const rut of ['12.345.678-5', '12345678-5', '123456785', '12345678']) expect(sorted(search(`rut:${rut}`))).toEqual(['33-1002', '33-1005']);
    expect(search('rut:15.345.678-k')).toEqual(['33-1006']);
  });

  it('filters by issue date range, both ends included', () => {
    expect(sorted(search('desde:2026-10-01 hasta:02-10-2026'))).toEqual(['33-1001', '33-1002', '33-1005']);
    expect(search('desde:2026-11-05')).toEqual(['33-1004']);
  });

  it('filters by origin and by document type', () => {
    expect(sorted(search('origen:delivery-note'))).toEqual(['33-1002']);
    expect(sorted(search('origin:order estado:vencida'))).toEqual(['33-1001']);
    expect(sorted(search('tipo:34,61'))).toEqual(['34-1003', '61-501']);
  });

  it('compares totals and balances', () => {
    expect(sorted(search('monto>1000000'))).toEqual(['33-1002', '33-1004']);
    expect(sorted(search('monto>=1.190.000'))).toEqual(['33-1002', '33-1004']);
    expect(search('monto=1.190.000')).toEqual(['33-1002']);
    expect(sorted(search('monto<=11.900'))).toEqual(['33-1006', '33-2001', '33-2002', '61-501']);
    expect(sorted(search('saldo>0 rut:76.086.428-5'))).toEqual(['33-1001', '33-1004']);
  });

  it('reads amounts in each document currency: monto>1000 means US$1.000 on a USD document', () => {
    expect(search('monto>1000 rut:9.999.999-3')).toEqual(['33-2001']);
  });

  it('filters by customer tag, case- and accent-insensitively', () => {
    expect(sorted(search('etiqueta:RETAIL'))).toEqual(['33-1001', '33-1004', '61-501']);
    expect(sorted(search('tag:educacion'))).toEqual(['33-1002', '33-1005']);
    expect(search('etiqueta:retai')).toEqual([]);
  });

  it('sorts by one key, descending, and by several', () => {
    expect(search('orden:-total rut:76.086.428-5')).toEqual(['33-1004', '33-1001', '61-501']);
    expect(search('orden:folio tipo:33')).toEqual(['33-1001', '33-1002', '33-1004', '33-1005', '33-1006', '33-2001', '33-2002']);
    expect(search('orden:cliente,-fecha tipo:33,34')).toEqual(['33-1004', '33-1001', '34-1003', '33-2002', '33-2001', '33-1002', '33-1005', '33-1006']);
    expect(search('orden:-dias estado:vencida')).toEqual(['33-2001', '33-2002', '33-1001', '33-1006', '61-501']);
    expect(search('sort:due,-number saldo>0')).toEqual(['33-2001', '33-2002', '33-1001', '33-1006', '33-1002', '33-1004']);
    expect(search('orden:estado,-fecha desde:2026-10-01 hasta:2026-10-02')).toEqual(['33-1002', '33-1001', '33-1005']);
  });
});

describe('runQuery paging and totals', () => {
  const all: Query = { words: [], filters: [], sort: [] };

  it('pages through the default order and reports the whole match count', () => {
    const first = runQuery(ledger.views, all, { offset: 0, limit: 3 });
    const second = runQuery(ledger.views, all, { offset: 3, limit: 3 });
    const last = runQuery(ledger.views, all, { offset: 8, limit: 3 });
    expect(keys(first.items)).toEqual(['33-1004', '33-1006', '33-2002']);
    expect(keys(second.items)).toEqual(['33-2001', '61-501', '33-1002']);
    expect(keys(last.items)).toEqual(['34-1003']);
    expect([first.matched, second.matched, last.matched]).toEqual([9, 9, 9]);
    expect(runQuery(ledger.views, all, { offset: 20, limit: 3 }).items).toEqual([]);
  });

  it('totals every match per currency, leaving void documents out and subtracting credit notes', () => {
    const page = runQuery(ledger.views, all, { offset: 0, limit: 1 });
    expect(page.totals).toEqual([
      { currency: 'CLP', count: 7, total: 119_000 + 1_190_000 + 500_000 + 2_380_000 + 11_900 - 11_900, balance: 57_100 + 1_190_000 + 0 + 2_370_000 + 11_900 },
      { currency: 'USD', count: 2, total: 119_000 + 59_500, balance: 119_000 + 59_500 },
    ]);
  });

  it('uses the first page of a default-limit search', () => {
    const page = runQuery(ledger.views, all);
    expect([page.offset, page.limit, page.items.length]).toEqual([0, 50, 9]);
  });
});

describe('queryHelp', () => {
  it('explains every filter and the sort, in Spanish and in English', () => {
    for (const word of ['estado:vencida', 'cliente:"Acme Ltda"', 'rut:12.345.678-5', 'desde:', 'hasta:', 'origen:pedido', 'tipo:33', 'monto>1.000.000', 'saldo>0', 'etiqueta:retail', 'orden:-total']) {
      expect(queryHelp('es')).toContain(word);
    }
    for (const word of ['status:overdue', 'customer:"Acme Ltda"', 'taxid:', 'from:', 'to:', 'origin:order', 'type:33', 'amount>', 'balance>0', 'tag:retail', 'sort:-total']) {
      expect(queryHelp('en')).toContain(word);
    }
  });

  it('gives examples that parse', () => {
    for (const example of ['estado:vencida saldo>500.000 orden:-dias', 'status:overdue balance>500.000 sort:-days', 'desde:2026-01-01 hasta:2026-03-31', 'orden:cliente,-fecha']) {
      expect(parseQuery(example).ok).toBe(true);
    }
  });
});
