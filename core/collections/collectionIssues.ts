import type { Locale } from '../i18n/locale';
import { formatDateCl } from '../dates/isoDate';
import type { Issue } from '../issues/issue';

/** Problems only the collections workflow causes; their texts live here, next to the rules. */
export const COLLECTION_ISSUE_CODES = [
  'collectionCustomerMismatch',
  'invalidReminderDays',
  'duplicateReminderStep',
  'promiseOnNote',
  'promiseOnVoid',
  'promiseOnPaid',
  'promiseDateInPast',
  'unknownCustomer',
  'missingCollectionsTab',
  'customerWithoutEmail',
  'reminderNotDue',
  'mailNotSent',
] as const;

export type CollectionIssueCode = (typeof COLLECTION_ISSUE_CODES)[number];

export const isCollectionIssueCode = (code: string): code is CollectionIssueCode => (COLLECTION_ISSUE_CODES as readonly string[]).includes(code);

const quoted = (value: unknown): string => `«${String(value ?? '')}»`;

export function collectionIssueMessage(issue: Issue & { readonly code: CollectionIssueCode }, locale: Locale): string {
  const p = issue.params;
  const es = locale === 'es';
  switch (issue.code) {
    case 'collectionCustomerMismatch':
      return es ? `${quoted(p.value)} no es el RUT de ${p.key} (${p.expected})` : `${quoted(p.value)} is not the RUT of ${p.key} (${p.expected})`;
    case 'invalidReminderDays':
      return es ? `${quoted(p.value)} no es un número de días (p. ej. -3 o 15, entre -365 y 365)` : `${quoted(p.value)} is not a number of days (e.g. -3 or 15, between -365 and 365)`;
    case 'duplicateReminderStep':
      return es ? `el paso de ${p.value} días ya está en la fila ${p.firstRow}` : `the ${p.value}-day step is already in row ${p.firstRow}`;
    case 'promiseOnNote':
      return es ? `${p.key} es una nota; registre la promesa en ${p.target}, el documento que modifica` : `${p.key} is a note; record the promise on ${p.target}, the document it amends`;
    case 'promiseOnVoid':
      return es ? `${p.key} está anulada; no se cobra` : `${p.key} is void; nothing is collected on it`;
    case 'promiseOnPaid':
      return es ? `${p.key} ya está pagada; no hay saldo que comprometer` : `${p.key} is already paid; there is no balance to promise`;
    case 'promiseDateInPast':
      return es
        ? `la fecha comprometida ${formatDateCl(String(p.value))} es anterior a hoy (${formatDateCl(String(p.today))})`
        : `the promised date ${formatDateCl(String(p.value))} is before today (${formatDateCl(String(p.today))})`;
    case 'unknownCustomer':
      return es ? `no hay cliente ni documentos con el RUT ${quoted(p.value)}` : `there is no customer or document with RUT ${quoted(p.value)}`;
    case 'customerWithoutEmail':
      return es ? `${p.value} no tiene correo en Clientes ni en sus documentos; complete la columna Email` : `${p.value} has no email in Clientes or on its documents; fill in the Email column`;
    case 'reminderNotDue':
      return es ? `a ${p.value} no le corresponde recordatorio hoy (ya se le envió o ya no debe)` : `no reminder is due to ${p.value} today (it was already sent, or nothing is owed)`;
    case 'mailNotSent':
      return es ? `no se pudo enviar el correo a ${p.value}: ${p.problem}; no se registró nada` : `the email to ${p.value} could not be sent: ${p.problem}; nothing was logged`;
    case 'missingCollectionsTab':
      return es
        ? 'falta la hoja Gestiones; use «Preparar planilla» (o facturas init en un libro nuevo) para crearla'
        : 'the Gestiones sheet is missing; use "Set up workbook" (or facturas init on a new workbook) to create it';
  }
}
