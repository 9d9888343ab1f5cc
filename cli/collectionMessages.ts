import type { Locale } from '../core';

/** The collections commands' own sentences; refusals come from core's formatIssue. */
const es = {
  promised: (key: string, customer: string, amount: string, date: string, id: string) =>
    `Promesa de pago registrada en Gestiones (${id}): ${key} (${customer}) pagará ${amount} a más tardar el ${date}.`,
  logged: (what: string, target: string, id: string) => `${what} registrada en Gestiones (${id}) para ${target}.`,
  badAction: (value: string) => `--action «${value}» no es una gestión; use llamada, correo o nota.`,
  badCustomer: (value: string) => `«${value}» no es un RUT; use p. ej. 12.345.678-5.`,
  fromAfterTo: (from: string, to: string) => `--from ${from} es posterior a --to ${to}.`,
  remindersSent: (count: number, outbox: string) => `${count === 1 ? 'Se preparó 1 recordatorio' : `Se prepararon ${count} recordatorios`} en ${outbox}.`,
  remindersDry: (count: number) => `Vista previa: ${count === 1 ? '1 recordatorio' : `${count} recordatorios`}; no se envió ni registró nada (--dry-run).`,
  noReminders: 'No hay recordatorios que enviar hoy.',
  kpisPeriodRequired: 'facturas report kpis necesita --period AAAA-MM.',
};

type CollectionMessages = { readonly [K in keyof typeof es]: (typeof es)[K] };

const en: CollectionMessages = {
  promised: (key, customer, amount, date, id) => `Promise to pay recorded in Gestiones (${id}): ${key} (${customer}) will pay ${amount} by ${date}.`,
  logged: (what, target, id) => `${what} recorded in Gestiones (${id}) for ${target}.`,
  badAction: (value) => `--action "${value}" is not a collection action; use llamada (call), correo (email) or nota (note).`,
  badCustomer: (value) => `"${value}" is not a RUT; use e.g. 12.345.678-5.`,
  fromAfterTo: (from, to) => `--from ${from} is after --to ${to}.`,
  remindersSent: (count, outbox) => `${count === 1 ? '1 reminder' : `${count} reminders`} written to ${outbox}.`,
  remindersDry: (count) => `Preview: ${count === 1 ? '1 reminder' : `${count} reminders`}; nothing was sent or logged (--dry-run).`,
  noReminders: 'No reminders to send today.',
  kpisPeriodRequired: 'facturas report kpis needs --period YYYY-MM.',
};

export const collectionMessages = (locale: Locale): CollectionMessages => (locale === 'es' ? es : en);
