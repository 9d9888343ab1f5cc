import { CHILE, buildLedger, parseQuery, readWorkbook, runQuery, formatRut, rutCheckDigit, viewComparator, normalizeText, type InvoiceView, type Query } from '../../core';
import { workbook, type DocumentRow } from '../support/tables';

// A deterministic generator, so the test data is the same on every run.
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const NAMES = ['Acme Ltda', 'Peñalolén SpA', 'Comercial Ñuñoa', 'Ferretería Sur', 'Álamos y Cía'];
const random = generator(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const rows: DocumentRow[] = Array.from({ length: 1500 }, (_, i) => {
  const customer = Math.floor(random() * NAMES.length);
  const body = String(10_000_000 + customer * 1_111_111);
  return {
    type: pick([33, 33, 33, 34]),
    number: 1 + i,
    date: `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    customer: NAMES[customer]!,
    rut: formatRut(body, rutCheckDigit(body)),
    origin: pick(['Pedido', 'Nota de entrega', 'Directa']),
    // An invoice's total is never zero (readWorkbook refuses it): the smallest here is 1.000.
    net: pick([0, 1]) === 0 ? 1000 : 1000 * (1 + Math.floor(random() * 50)),
    exempt: 0,
  };
}).map((row) => (row.type === 34 ? { ...row, exempt: row.net || 1000, net: 0, tax: 0 } : row));

const read = readWorkbook(workbook(rows), { profile: CHILE, timeZone: 'UTC' });
const views = buildLedger(read.book, '2026-07-01', CHILE).views;

const query = (text: string): Query => {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

const QUERIES = ['', 'orden:cliente', 'orden:-total', 'orden:estado,vencimiento', 'acme orden:-dias', 'tipo:33 orden:total,-fecha', 'saldo>0 orden:cliente,-saldo'];

describe('runQuery ordering on a larger ledger', () => {
  it('reads the generated rows', () => {
    expect(read.issues).toEqual([]);
    expect(views).toHaveLength(1500);
  });

  it.each(QUERIES)('gives the same order page by page as one full sort for %p', (text) => {
    const parsed = query(text);
    const full = runQuery(views, parsed, { offset: 0, limit: Number.POSITIVE_INFINITY });
    const found = new Set(full.items);
    const expected = views.filter((v) => found.has(v)).sort(viewComparator(parsed.sort));
    expect(full.items).toEqual(expected);
    const paged: InvoiceView[] = [];
    for (let offset = 0; offset < full.matched; offset += 37) paged.push(...runQuery(views, parsed, { offset, limit: 37 }).items);
    expect(paged.map((v) => v.row)).toEqual(full.items.map((v) => v.row));
  });

  it('orders customers by folded name, then type and folio', () => {
    const items = runQuery(views, query('orden:cliente'), { offset: 0, limit: 400 }).items;
    const folded = (v: InvoiceView): string => normalizeText(v.customerName);
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      expect(folded(a) < folded(b) || (folded(a) === folded(b) && (a.type < b.type || (a.type === b.type && a.number < b.number)))).toBe(true);
    }
    expect(folded(items[0]!)).toBe('acme ltda');
  });

  it('matches what a plain filter over the same views finds', () => {
    const page = runQuery(views, query('penalolen saldo>0 origen:pedido desde:2026-03-01'), { offset: 0, limit: 10 });
    const expected = views.filter((v) => v.customerName === 'Peñalolén SpA' && v.balance > 0 && v.origin === 'pedido' && v.issueDate >= '2026-03-01');
    expect(expected.length).toBeGreaterThan(10);
    expect(page.matched).toBe(expected.length);
    expect(page.totals).toEqual([{ currency: 'CLP', count: expected.length, total: expected.reduce((sum, v) => sum + v.total, 0), balance: expected.reduce((sum, v) => sum + v.balance, 0) }]);
  });
});
