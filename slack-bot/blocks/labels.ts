import { type Locale, type PaymentStatus, type TaxProfile, PAYMENT_STATUS_LABELS, documentTypeRule } from '../../core/index';

/** A glance is enough: the mark says the status before the word does. */
export const STATUS_MARKS: Readonly<Record<PaymentStatus, string>> = {
  pagada: ':white_check_mark:',
  parcial: ':large_yellow_circle:',
  pendiente: ':white_circle:',
  vencida: ':red_circle:',
  anulada: ':black_circle:',
};

export const statusText = (status: PaymentStatus, locale: Locale): string => `${STATUS_MARKS[status]} ${PAYMENT_STATUS_LABELS[status][locale]}`;

/** `Factura 33-1023`, `Nota de crédito 61-88`. */
export const documentTitle = (profile: TaxProfile, key: { type: number; number: number }, locale: Locale): string =>
  `${documentTypeRule(profile, key.type)?.shortName[locale] ?? (locale === 'es' ? 'Documento' : 'Document')} ${key.type}-${key.number}`;

const ES = {
  matches: (n: number) => (n === 1 ? '1 documento' : `${n} documentos`),
  noMatches: 'Ningún documento coincide con',
  showing: (from: number, to: number, of: number) => `Mostrando ${from}–${to} de ${of}`,
  previous: '◀ Anteriores',
  next: 'Siguientes ▶',
  view: 'Ver',
  total: 'Total',
  balance: 'Saldo',
  paid: 'Pagado',
  issued: 'Emisión',
  due: 'Vencimiento',
  customer: 'Cliente',
  status: 'Estado',
  origin: 'Origen',
  payments: 'Pagos',
  noPayments: 'Sin pagos registrados.',
  more: (n: number) => `y ${n} más`,
  pdf: 'PDF',
  recordPayment: 'Registrar pago',
  daysOverdue: (n: number) => (n === 1 ? '1 día vencida' : `${n} días vencida`),
  queryTooLongToPage: 'La consulta es demasiado larga para paginar; acótela.',
  helpHint: 'Escriba `/facturas ayuda` para ver la sintaxis.',
  notes: 'Notas',
} as const;

type Labels = { readonly [K in keyof typeof ES]: (typeof ES)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const EN: Labels = {
  matches: (n: number) => (n === 1 ? '1 document' : `${n} documents`),
  noMatches: 'No document matches',
  showing: (from: number, to: number, of: number) => `Showing ${from}–${to} of ${of}`,
  previous: '◀ Previous',
  next: 'Next ▶',
  view: 'View',
  total: 'Total',
  balance: 'Balance',
  paid: 'Paid',
  issued: 'Issued',
  due: 'Due',
  customer: 'Customer',
  status: 'Status',
  origin: 'Origin',
  payments: 'Payments',
  noPayments: 'No payments recorded.',
  more: (n: number) => `and ${n} more`,
  pdf: 'PDF',
  recordPayment: 'Record payment',
  daysOverdue: (n: number) => (n === 1 ? '1 day overdue' : `${n} days overdue`),
  queryTooLongToPage: 'The query is too long to page through; narrow it down.',
  helpHint: 'Type `/facturas help` for the syntax.',
  notes: 'Notes',
};

export const labels = (locale: Locale): Labels => (locale === 'es' ? ES : EN);
