import { parse } from 'csv-parse/sync';
import { CHILE, decodeImportFile, parseImportFile, planImport, readRcvDocuments, readWorkbook, reconcile } from '../../core';
import { benchWorkbook } from './benchWorkbook';
import { READ_OPTIONS } from './fixture';
import { row, timePair, type BenchRow } from './measure';
import { rcvExport } from './rcvExport';

const TODAY = '2026-10-15';
const LINES = 10_000;
const PEER = 'csv-parse alone (latin1 text to records)';

/**
 * Importing and reconciling a month's RCV of 10,000 lines over a 10,000-document workbook.
 * The floor is csv-parse reading the same file into records: no checks, no workbook, no plan.
 */
export async function siiBench(): Promise<BenchRow[]> {
  const { bytes, documents } = rcvExport(LINES);
  const read = readWorkbook(benchWorkbook(10_000).tables, READ_OPTIONS);
  const floor = () => parse(bytes.toString('latin1'), { delimiter: ';', relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  const importOnce = () => {
    const decoded = decodeImportFile('rcv.csv', bytes);
    if (!decoded.ok) throw new Error('the bench RCV does not decode');
    return planImport([parseImportFile('rcv.csv', decoded.decoded, CHILE)], read, CHILE, TODAY);
  };
  const first = importOnce();
  if (first.problems.length > 0 || first.documents.length !== documents) throw new Error(`the bench RCV did not plan ${documents} documents: ${JSON.stringify(first.problems.slice(0, 3))}`);
  if (floor().length !== LINES + 1) throw new Error('csv-parse did not read the bench RCV line for line');

  const imported = { ...read, book: { ...read.book, documents: [...read.book.documents, ...first.documents] } };
  const reimportOnce = () => {
    const decoded = decodeImportFile('rcv.csv', bytes);
    if (!decoded.ok) throw new Error('the bench RCV does not decode');
    return planImport([parseImportFile('rcv.csv', decoded.decoded, CHILE)], imported, CHILE, TODAY);
  };
  const again = reimportOnce();
  if (again.documents.length !== 0 || again.files[0]!.alreadyPresent.length !== documents) throw new Error('re-importing the bench RCV was not all already present');

  const reconcileOnce = () => {
    const decoded = decodeImportFile('rcv.csv', bytes);
    if (!decoded.ok) throw new Error('the bench RCV does not decode');
    const rcv = readRcvDocuments('rcv.csv', decoded.decoded, CHILE);
    if (!rcv.ok) throw new Error('the bench RCV does not read');
    return reconcile(imported.book, rcv.documents, '2026-10', CHILE);
  };
  const reconciled = reconcileOnce();
  if (reconciled.counts.matched !== documents || reconciled.onlyInRcv.length !== 0) throw new Error('the bench reconciliation did not match every document');

  const budget = { budgetMs: 8000, minRuns: 3, maxRuns: 9 };
  const rows: BenchRow[] = [];
  const importTimes = await timePair(importOnce, floor, budget);
  rows.push(
    row({
      group: 'sii',
      name: 'import a 10,000-line RCV (decode, read, check, plan)',
      size: LINES,
      oursMs: importTimes.oursMs,
      peerMs: importTimes.peerMs,
      peer: PEER,
      detail: `${documents} documents planned over a 10,000-document workbook, ${importTimes.runs} runs`,
    }),
  );
  const againTimes = await timePair(reimportOnce, floor, budget);
  rows.push(
    row({
      group: 'sii',
      name: 'import the same RCV again (all already present)',
      size: LINES,
      oursMs: againTimes.oursMs,
      peerMs: againTimes.peerMs,
      peer: PEER,
      detail: `${documents} skipped, ${againTimes.runs} runs`,
    }),
  );
  const reconcileTimes = await timePair(reconcileOnce, floor, budget);
  rows.push(
    row({
      group: 'sii',
      name: 'reconcile a 10,000-line RCV with the workbook',
      size: LINES,
      oursMs: reconcileTimes.oursMs,
      peerMs: reconcileTimes.peerMs,
      peer: PEER,
      detail: `${reconciled.counts.matched} matched, ${reconciled.claimed.length} claimed, ${reconcileTimes.runs} runs`,
    }),
  );
  return rows;
}
