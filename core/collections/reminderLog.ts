import type { Channel } from '../model';
import { type Result, fail, issue, ok } from '../issues/issue';
import { CHANNEL_LABELS } from '../payments/historyAppend';
import type { ChangePlan } from '../workbook/changes';
import type { WorkbookRead } from '../workbook/readWorkbook';
import { nextCollectionId } from './nextCollectionId';
import { type Reminder, reminderStepNote } from './planReminders';
import { collectionAppend } from './recordCollection';

/** One Gestiones `recordatorio` row per document a sent reminder listed, the step in Nota, so no step goes twice. */
export function reminderLogPlan(
  read: WorkbookRead,
  reminders: readonly Reminder[],
  who: { readonly user: string; readonly channel: Channel; readonly today: string; readonly now: string },
): Result<ChangePlan> {
  const layout = read.layout.gestiones;
  if (!layout) return fail(issue('missingCollectionsTab', { tab: 'gestiones' }));
  const appends = reminders.flatMap((reminder) => reminder.documents.map((d) => ({ reminder, d })));
  return ok({
    updates: [],
    appends: appends.map(({ reminder, d }, index) =>
      collectionAppend(layout, {
        id: nextCollectionId(read.book.collections ?? [], index),
        date: who.today,
        timestamp: who.now,
        customerTaxId: reminder.customerTaxId,
        document: { type: d.type, number: d.number },
        action: 'recordatorio',
        promisedDate: null,
        promisedAmount: null,
        note: `${reminderStepNote(d.step)} · ${reminder.email}`,
        user: who.user,
        channel: CHANNEL_LABELS[who.channel],
        currency: reminder.currency,
      }),
    ),
  });
}
