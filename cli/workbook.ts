import { type Ledger, type WorkbookRead, buildLedger } from '../core';
import type { CommandContext } from './command';
import { warnUnreadable } from './output';

/** Reads the workbook for a command that only looks, warning about rows it could not read. */
export async function readLedger(context: CommandContext): Promise<{ read: WorkbookRead; ledger: Ledger }> {
  const read = await context.openStore().read();
  warnUnreadable(read, context);
  return { read, ledger: buildLedger(read.book, context.asOf, context.profile) };
}
