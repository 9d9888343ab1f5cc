import type { Book, DocumentState, IsoDate } from '../model';
import { type Result, fail, issue, ok } from '../issues/issue';
import { buildLedger } from '../ledger/buildLedger';
import type { TaxProfile } from '../tax/taxProfile';
import type { ChangePlan, RowAppend } from '../workbook/changes';
import { parseDocumentState } from '../workbook/choices';
import type { WorkbookRead } from '../workbook/readWorkbook';
import { historyAppend } from './historyAppend';
import { nextHistoryId } from './nextHistoryId';
import { refreshDerivedCells } from './refreshDerivedCells';
import { unsafeWriteIssues } from './writeGuard';

export interface ManualStateEdit {
  /** The sheet the person typed in, and the rows and columns of the edited range (1-based, inclusive). */
  readonly sheetName: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** What the cell held before, when the edit was a single cell (Apps Script gives it only then). */
  readonly oldValue?: string;
  readonly user: string;
  readonly today: IsoDate;
  readonly now: string;
}

/**
 * A person typed in the Estado column: Historial gets who, when and the payment status before and
 * after for each edited document, and the derived cells of every document the edit moved are refreshed.
 * An edit outside the Estado column plans nothing.
 */
export function planManualStateEdit(read: WorkbookRead, profile: TaxProfile, edit: ManualStateEdit): Result<{ plan: ChangePlan; recorded: number }> {
  const layout = read.layout.facturas;
  const historial = read.layout.historial;
  const stateColumn = layout?.columns.state;
  if (!layout || stateColumn === undefined || layout.sheetName !== edit.sheetName) return fail(issue('missingTab', { tab: 'facturas' }, { tab: 'Facturas' }));
  if (!historial) return fail(issue('missingTab', { tab: 'historial' }, { tab: 'Historial' }));
  if (stateColumn + 1 < edit.firstColumn || stateColumn + 1 > edit.lastColumn) return ok({ plan: { updates: [], appends: [] }, recorded: 0 });

  const after = buildLedger(read.book, edit.today, profile);
  const single = edit.firstRow === edit.lastRow && edit.firstColumn === edit.lastColumn;
  const previousState: DocumentState | null = single && edit.oldValue !== undefined ? (parseDocumentState(edit.oldValue) ?? 'emitida') : null;
  const edited = read.book.documents.filter((doc) => doc.row >= edit.firstRow && doc.row <= edit.lastRow && (previousState === null || previousState !== doc.state));
  const unsafe = unsafeWriteIssues(
    read,
    edited.flatMap((doc) => [doc, doc.reference]),
  );
  if (unsafe.length > 0) return fail(...unsafe);
  const editedRows = new Set(edited.map((doc) => doc.row));
  const beforeBook: Book = previousState === null ? read.book : { ...read.book, documents: read.book.documents.map((d) => (editedRows.has(d.row) ? { ...d, state: previousState } : d)) };
  const before = buildLedger(beforeBook, edit.today, profile);

  const appends: RowAppend[] = [];
  for (const doc of edited) {
    const view = after.byKey(doc.type, doc.number);
    if (!view) continue;
    // Without the old value (a pasted range) the status before is unknown and left blank.
    const previousStatus = previousState === null ? '' : (before.byKey(doc.type, doc.number)?.paymentStatus ?? '');
    appends.push(
      historyAppend(historial, {
        id: nextHistoryId(read.book.history, appends.length),
        at: edit.now,
        type: doc.type,
        number: doc.number,
        previousStatus,
        newStatus: view.paymentStatus,
        amount: doc.total,
        currency: doc.currency,
        user: edit.user,
        channel: 'edicion-manual',
      }),
    );
  }
  const updates = refreshDerivedCells(layout, before, after, edited);
  return ok({ plan: { updates, appends }, recorded: appends.length });
}
