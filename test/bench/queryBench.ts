import { parseQuery, runQuery, searchLedger, documentKey, type Query } from '../../core';
import { queryColumns } from '../../core/query/queryColumns';
import type { Fixture } from './fixture';
import { assertSame, row, timeAlone, timePair, type BenchRow } from './measure';

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
    // What a face that builds a ledger for one search pays: runQuery's plain scan, no columns.
    const scan = await timeAlone(() => runQuery(fixture.ledger.views, parsed(text), PAGE), { budgetMs: 1000, minRuns: 5 });
    const atTarget = fixture.size === 100_000;
    rows.push(
      row({
        group: 'query',
        name: `${name}: ${text}`,
        size: fixture.size,
        oursMs,
        peerMs,
        peer: 'better-sqlite3',
        target: atTarget ? 'ratio <= 1.0 and <= 10 ms' : null,
        met: atTarget ? oursMs <= peerMs && oursMs <= 10 : null,
        detail: `${answer.value.matched} matches; single search without columns ${scan.ms.toFixed(1)} ms`,
      }),
    );
  }
  const build = await timeAlone(() => queryColumns(fixture.ledger.views), { budgetMs: 2000, minRuns: 3 });
  rows.push(row({ group: 'query', name: 'query columns, built once per ledger on its second search', size: fixture.size, oursMs: build.ms, detail: 'typed arrays and one search string' }));
  return rows;
}
