import { CHILE, buildLedger, parseQuery, readWorkbook, runQuery, searchLedger, type InvoiceView, type Ledger } from '../../core';
import { generateWorkbookTables } from '../bench/generateDocuments';

// A generated year plus a few documents in dollars, so amount limits differ by currency.
const read = readWorkbook(generateWorkbookTables({ count: 3000, today: '2026-10-15', seed: 11 }), { profile: CHILE, timeZone: 'UTC' });
const base = buildLedger(read.book, '2026-10-15', CHILE);
const views: InvoiceView[] = base.views.map((v, i) => (i % 97 === 0 ? { ...v, currency: 'USD' } : v));
const ledger: Ledger = { asOf: base.asOf, views, byKey: base.byKey };

const QUERIES = [
  'penalolen',
  'aromos ltda',
  'nunoa',
  '760864285',
  '76.086.428-5',
  'rut:76.086.428-5',
  'rut:12531909',
  '33-1',
  'qwerty',
  'estado:vencida',
  'estado:pendiente,parcial desde:2026-03-01 hasta:2026-06-30',
  'origen:pedido monto>1000000',
  'monto<=5000 saldo>0',
  'tipo:61',
  'tipo:34,39 orden:-total',
  'cliente:"los aromos"',
  'cliente:nunoa estado:pagada',
  'etiqueta:retail',
  'etiqueta:gobierno monto>=100',
  // A quoted phrase across the folio and the customer name.
  `"${views[5]!.searchText.split(' ').slice(1, 3).join(' ')}"`,
  'orden:-total',
  'monto>10000',
  'desde:2026-10-01',
  'hasta:2025-12-31',
  'saldo=0 origen:directa,nota-entrega',
];

const plain = (text: string, offset = 0, limit = 25) => {
  const query = parseQuery(text);
  if (!query.ok) throw new Error(`bad query ${text}`);
  const page = runQuery(ledger.views, query.value, { offset, limit });
  return { keys: page.items.map((v) => `${v.type}-${v.number}`), matched: page.matched, totals: page.totals };
};

const searched = (text: string, offset = 0, limit = 25) => {
  const result = searchLedger(ledger, text, { offset, limit });
  if (!result.ok) throw new Error(`bad query ${text}`);
  return { keys: result.value.items.map((v) => `${v.type}-${v.number}`), matched: result.value.matched, totals: result.value.totals };
};

describe('searches through query columns', () => {
  it('give what a plain scan gives, on the first search and on every later one', () => {
    for (const text of QUERIES) {
      expect({ text, ...searched(text) }).toEqual({ text, ...plain(text) });
      expect({ text, ...searched(text, 10, 40) }).toEqual({ text, ...plain(text, 10, 40) });
    }
  });

  it('find something for most queries, so the comparison means something', () => {
    const found = QUERIES.filter((text) => plain(text).matched > 0);
    expect(found.length).toBeGreaterThan(QUERIES.length - 4);
    expect(plain('monto>10000').totals.map((t) => t.currency)).toEqual(['CLP', 'USD']);
  });
});
