import { CHILE, buildLedger, readWorkbook, type Ledger, type WorkbookRead } from '../../core';
import { benchWorkbook, type BenchWorkbook } from './benchWorkbook';
import { loadSqlitePeer, type SqlitePeer } from './sqlitePeer';

/** One workbook size, built once and shared by the groups that run at that size. */
export interface Fixture {
  readonly size: number;
  readonly workbook: BenchWorkbook;
  readonly read: WorkbookRead;
  readonly ledger: Ledger;
  peer(): SqlitePeer;
  release(): void;
}

export const READ_OPTIONS = { profile: CHILE, timeZone: 'UTC' } as const;

export function buildFixture(size: number, log: (line: string) => void): Fixture {
  let started = Date.now();
  const workbook = benchWorkbook(size);
  log(`  workbook of ${size} documents, ${workbook.paymentCount} payments, ${workbook.customerCount} customers built in ${Date.now() - started} ms`);
  started = Date.now();
  const read = readWorkbook(workbook.tables, READ_OPTIONS);
  if (read.issues.length > 0) throw new Error(`the bench workbook has unreadable rows: ${JSON.stringify(read.issues.slice(0, 3))}`);
  const ledger = buildLedger(read.book, workbook.today, CHILE);
  log(`  read and ledger in ${Date.now() - started} ms`);
  let peer: SqlitePeer | undefined;
  return {
    size,
    workbook,
    read,
    ledger,
    peer() {
      if (!peer) {
        const loading = Date.now();
        peer = loadSqlitePeer(ledger.views);
        log(`  SQLite peer loaded and indexed in ${Date.now() - loading} ms`);
      }
      return peer;
    },
    release() {
      peer?.close();
      peer = undefined;
    },
  };
}
