import type { ColumnSpec, TabSpec } from './schema';

/** Tabs of the collections workflow: read when present, so workbooks made before them keep working. */
export type CollectionTabId = 'gestiones' | 'recordatorios';

const col = (key: string, header: string, alias: string, required = true): ColumnSpec => ({ key, header, alias, required });

export const COLLECTION_TABS: Readonly<Record<CollectionTabId, TabSpec>> = {
  gestiones: {
    id: 'gestiones',
    name: 'Gestiones',
    alias: 'Collections',
    columns: [
      col('id', 'ID', 'ID'),
      col('date', 'Fecha', 'Date'),
      col('timestamp', 'Fecha y hora', 'Date and time', false),
      col('customerTaxId', 'RUT', 'Tax ID'),
      col('type', 'Tipo', 'Type'),
      col('number', 'Folio', 'Number'),
      col('action', 'Acción', 'Action'),
      col('promisedDate', 'Fecha compromiso', 'Promised date', false),
      col('promisedAmount', 'Monto comprometido', 'Promised amount', false),
      col('note', 'Nota', 'Note', false),
      col('user', 'Usuario', 'User', false),
      col('channel', 'Canal', 'Channel', false),
    ],
  },
  recordatorios: {
    id: 'recordatorios',
    name: 'Recordatorios',
    alias: 'Reminders',
    columns: [col('days', 'Días', 'Days'), col('subject', 'Asunto', 'Subject'), col('message', 'Mensaje', 'Message')],
  },
};

export const COLLECTION_TAB_IDS: readonly CollectionTabId[] = ['gestiones', 'recordatorios'];
