import type { Channel, DocumentKey, Minor } from '../model';
import type { RowAppend } from '../workbook/changes';
import { toMajorUnits } from '../money/toMajorUnits';
import type { TabLayout } from '../workbook/readWorkbook';
import { rowValues } from '../workbook/rowValues';

export interface HistoryInput extends DocumentKey {
  readonly id: string;
  /** ISO instant supplied by the face's clock. */
  readonly at: string;
  readonly previousStatus: string;
  readonly newStatus: string;
  readonly amount: Minor | null;
  /** Currency of the document, so the amount is written in the units people type. */
  readonly currency: string;
  readonly user: string;
  readonly channel: Channel;
}

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  sidebar: 'sidebar',
  slack: 'slack',
  cli: 'cli',
  'edicion-manual': 'edición manual',
  programado: 'programado',
};

export function historyAppend(layout: TabLayout, entry: HistoryInput): RowAppend {
  return {
    tab: 'historial',
    values: rowValues(layout, {
      id: entry.id,
      timestamp: { instant: entry.at },
      type: entry.type,
      number: entry.number,
      previousStatus: entry.previousStatus,
      newStatus: entry.newStatus,
      amount: entry.amount === null ? null : toMajorUnits(entry.amount, entry.currency),
      user: entry.user,
      channel: CHANNEL_LABELS[entry.channel],
    }),
  };
}
