import { CHILE, buildLedger, canonicalHeaders, readWorkbook, TABS } from '../../core';
import type { Fixture } from './fixture';
import { READ_OPTIONS } from './fixture';
import { collectGarbage, row, timeAlone, type BenchRow } from './measure';

const heapUsed = (): number => {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/**
 * Rows as getValues returns them turned into the model (readWorkbook: every cell checked,
 * issues collected), then into views ready to search (buildLedger as of today). No peer:
 * nothing else does this work; the target is absolute.
 */
export async function loadBench(fixture: Fixture): Promise<BenchRow[]> {
  const { tables, today } = fixture.workbook;
  const size = fixture.size;
  const runs = size >= 1_000_000 ? { minRuns: 3, maxRuns: 3 } : { minRuns: 5, budgetMs: 4000 };
  const facturasOnly = { ...tables, [TABS.pagos.name]: [canonicalHeaders('pagos')] };
  const documents = await timeAlone(() => readWorkbook(facturasOnly, READ_OPTIONS), runs);
  const read = await timeAlone(() => readWorkbook(tables, READ_OPTIONS), runs);
  const ledger = await timeAlone(() => buildLedger(readWorkbook(tables, READ_OPTIONS).book, today, CHILE), runs);

  const before = heapUsed();
  let book: ReturnType<typeof readWorkbook> | null = readWorkbook(tables, READ_OPTIONS);
  const afterBook = heapUsed();
  // biome-ignore lint/correctness/noUnusedVariables: held until the heap is measured, so the figure includes the ledger
  let views: ReturnType<typeof buildLedger> | null = buildLedger(book.book, today, CHILE);
  const afterLedger = heapUsed();
  const perDocument = (bytes: number): string => `${Math.round(bytes / size)} B/document`;
  const detail = `${size} Facturas rows + ${fixture.workbook.paymentCount} Pagos rows + ${fixture.workbook.customerCount} Clientes rows`;
  const atTarget = size === 100_000;
  const rows = [
    row({
      group: 'load',
      name: 'Facturas getValues rows -> documents (readWorkbook)',
      size,
      oursMs: documents.ms,
      target: atTarget ? '<= 300 ms' : null,
      met: atTarget ? documents.ms <= 300 : null,
      detail: `${size} rows, every cell checked`,
    }),
    row({ group: 'load', name: 'whole workbook getValues rows -> model (readWorkbook)', size, oursMs: read.ms, detail }),
    row({ group: 'load', name: 'getValues rows -> views ready to search (readWorkbook + buildLedger)', size, oursMs: ledger.ms, detail }),
    row({
      group: 'load',
      name: 'memory: model, then model + ledger',
      size,
      oursMs: null,
      detail: `${perDocument(afterBook - before)}, ${perDocument(afterLedger - before)} (heap after GC, payments and customers included)`,
    }),
  ];
  book = null;
  views = null;
  return rows;
}
