import { parseQuery, searchLedger, documentKey, type Query } from '../../core';
import type { Fixture } from './fixture';
import { assertSame, row, timePair, type BenchRow } from './measure';

const PAGE = { offset: 0, limit: 50 };

/** The six searches of the issue, as an accountant would type them. */
export const benchQueries = (fixture: Fixture): readonly { name: string; text: string }[] => [
  { name: 'free-text customer word', text: 'penalolen' },
  { name: 'RUT', text: `rut:${fixture.workbook.probeTaxId}` },
  { name: 'status + date range', text: 'estado:vencida desde:2026-01-01 hasta:2026-03-31' },
  { name: 'origin + amount', text: 'origen:pedido monto>1000000' },
  { name: 'sort by total desc, first page', text: 'orden:-total' },
  { name: 'matches nothing', text: 'qwerty' },
];

const parsed = (text: string): Query => {
  const result = parseQuery(text);
  if (!result.ok) throw new Error(`bench query ${text} does not parse`);
  return result.value;
};

export async function queryBench(fixture: Fixture): Promise<BenchRow[]> {
  const peer = fixture.peer();
  const rows: BenchRow[] = [];
  for (const { name, text } of benchQueries(fixture)) {
    const ours = (): unknown => searchLedger(fixture.ledger, text, PAGE);
    const theirs = (): unknown => peer.query(parsed(text), PAGE.offset, PAGE.limit);

    const answer = searchLedger(fixture.ledger, text, PAGE);
    if (!answer.ok) throw new Error(`bench query ${text} does not parse`);
    const expected = peer.query(parsed(text), PAGE.offset, PAGE.limit);
    assertSame(`query "${text}" at ${fixture.size}`, { items: answer.value.items.map(documentKey), matched: answer.value.matched, totals: answer.value.totals }, expected);
    if (name !== 'matches nothing' && answer.value.matched === 0) throw new Error(`bench query ${text} matches nothing at ${fixture.size}`);

    const { oursMs, peerMs } = await timePair(ours, theirs, { budgetMs: 2500, minRuns: 9 });
    const atTarget = fixture.size === 100_000;
    rows.push(row({
      group: 'query', name: `${name}: ${text}`, size: fixture.size, oursMs, peerMs, peer: 'better-sqlite3',
      target: atTarget ? 'ratio <= 1.0 and <= 10 ms' : null,
      met: atTarget ? oursMs <= peerMs && oursMs <= 10 : null,
      detail: `${answer.value.matched} matches`,
    }));
  }
  return rows;
}
