import { normalizeText } from '../text/normalizeText';
import type { CollectionAction, PromiseStatus } from './types';

const ACTION_WORDS: Readonly<Record<string, CollectionAction>> = {
  llamada: 'llamada',
  call: 'llamada',
  telefono: 'llamada',
  phone: 'llamada',
  correo: 'correo',
  email: 'correo',
  'e-mail': 'correo',
  mail: 'correo',
  nota: 'nota',
  note: 'nota',
  promesa: 'promesa',
  promise: 'promesa',
  compromiso: 'promesa',
  recordatorio: 'recordatorio',
  reminder: 'recordatorio',
};

export const parseCollectionAction = (text: string): CollectionAction | null => ACTION_WORDS[normalizeText(text)] ?? null;

/** What people may log by hand; promises have their own command and reminders are sent by the run. */
export const LOGGABLE_ACTIONS: readonly CollectionAction[] = ['llamada', 'correo', 'nota'];

export const COLLECTION_ACTION_LABELS: Readonly<Record<CollectionAction, { es: string; en: string }>> = {
  llamada: { es: 'Llamada', en: 'Call' },
  correo: { es: 'Correo', en: 'Email' },
  nota: { es: 'Nota', en: 'Note' },
  promesa: { es: 'Promesa de pago', en: 'Promise to pay' },
  recordatorio: { es: 'Recordatorio', en: 'Reminder' },
};

/** English action names for JSON output. */
export const COLLECTION_ACTION_EN: Readonly<Record<CollectionAction, string>> = {
  llamada: 'call',
  correo: 'email',
  nota: 'note',
  promesa: 'promise',
  recordatorio: 'reminder',
};

export const PROMISE_STATUS_LABELS: Readonly<Record<PromiseStatus, { es: string; en: string }>> = {
  open: { es: 'vigente', en: 'open' },
  broken: { es: 'incumplida', en: 'broken' },
  kept: { es: 'cumplida', en: 'kept' },
};

const PROMISE_WORDS: Readonly<Record<string, PromiseStatus>> = {
  vigente: 'open',
  open: 'open',
  abierta: 'open',
  incumplida: 'broken',
  broken: 'broken',
  rota: 'broken',
  cumplida: 'kept',
  kept: 'kept',
};

export const parsePromiseStatus = (text: string): PromiseStatus | null => PROMISE_WORDS[normalizeText(text)] ?? null;
