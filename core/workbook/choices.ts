import type { Locale } from '../i18n/locale';
import type { CustomerKind, DocumentState, Origin, PaymentStatus } from '../model';
import { ORIGINS, PAYMENT_STATUSES } from '../model';
import { KNOWN_CURRENCIES } from '../money/money';
import { normalizeText } from '../text/normalizeText';

type Label = { readonly es: string; readonly en: string };

/** A closed list of values a cell or a form field may hold: what is stored, how people write it, how it is shown. */
interface Choice<V extends string> {
  readonly values: readonly V[];
  readonly labels: Readonly<Record<V, Label>>;
  /** Accent- and case-folded words read as each value, in both languages. */
  readonly words: Readonly<Record<string, V>>;
}

export const ORIGIN_LABELS: Readonly<Record<Origin, Label>> = {
  pedido: { es: 'Pedido', en: 'Sales order' },
  'nota-entrega': { es: 'Nota de entrega', en: 'Delivery note' },
  directa: { es: 'Directa', en: 'Direct' },
};

export const STATE_LABELS: Readonly<Record<DocumentState, Label>> = {
  emitida: { es: 'Emitida', en: 'Issued' },
  anulada: { es: 'Anulada', en: 'Void' },
};

export const PAYMENT_STATUS_LABELS: Readonly<Record<PaymentStatus, Label>> = {
  pendiente: { es: 'pendiente', en: 'pending' },
  parcial: { es: 'parcial', en: 'partial' },
  pagada: { es: 'pagada', en: 'paid' },
  vencida: { es: 'vencida', en: 'overdue' },
  anulada: { es: 'anulada', en: 'void' },
};

const CUSTOMER_KIND_LABELS: Readonly<Record<CustomerKind, Label>> = {
  empresa: { es: 'Empresa', en: 'Company' },
  persona: { es: 'Persona', en: 'Person' },
};

const sameInBothLanguages = <V extends string>(values: readonly V[]): Record<V, Label> => Object.fromEntries(values.map((v): [V, Label] => [v, { es: v, en: v }])) as unknown as Record<V, Label>;

export type PaymentMethod = 'transferencia' | 'cheque' | 'efectivo' | 'tarjeta-debito' | 'tarjeta-credito' | 'deposito' | 'vale-vista' | 'otro';
const PAYMENT_METHODS: readonly PaymentMethod[] = ['transferencia', 'cheque', 'efectivo', 'tarjeta-debito', 'tarjeta-credito', 'deposito', 'vale-vista', 'otro'];

const CHOICES = {
  origin: {
    values: ORIGINS,
    labels: ORIGIN_LABELS,
    words: {
      pedido: 'pedido',
      'pedido de venta': 'pedido',
      'sales order': 'pedido',
      order: 'pedido',
      'nota de entrega': 'nota-entrega',
      'nota-entrega': 'nota-entrega',
      'guia de despacho': 'nota-entrega',
      'delivery note': 'nota-entrega',
      'delivery-note': 'nota-entrega',
      delivery: 'nota-entrega',
      directa: 'directa',
      direct: 'directa',
    },
  } satisfies Choice<Origin>,
  state: {
    values: ['emitida', 'anulada'],
    labels: STATE_LABELS,
    words: { emitida: 'emitida', issued: 'emitida', anulada: 'anulada', void: 'anulada', nula: 'anulada' },
  } satisfies Choice<DocumentState>,
  paymentStatus: {
    values: PAYMENT_STATUSES,
    labels: PAYMENT_STATUS_LABELS,
    words: {
      pendiente: 'pendiente',
      pending: 'pendiente',
      parcial: 'parcial',
      partial: 'parcial',
      pagada: 'pagada',
      paid: 'pagada',
      vencida: 'vencida',
      overdue: 'vencida',
      anulada: 'anulada',
      void: 'anulada',
    },
  } satisfies Choice<PaymentStatus>,
  customerKind: {
    values: ['empresa', 'persona'],
    labels: CUSTOMER_KIND_LABELS,
    words: { empresa: 'empresa', company: 'empresa', persona: 'persona', person: 'persona' },
  } satisfies Choice<CustomerKind>,
  currency: {
    values: KNOWN_CURRENCIES,
    labels: sameInBothLanguages(KNOWN_CURRENCIES),
    words: Object.fromEntries(KNOWN_CURRENCIES.map((c) => [c.toLowerCase(), c])),
  } satisfies Choice<string>,
  yesNo: {
    values: ['si', 'no'],
    labels: { si: { es: 'sí', en: 'yes' }, no: { es: 'no', en: 'no' } },
    words: { si: 'si', s: 'si', yes: 'si', y: 'si', true: 'si', x: 'si', 1: 'si', exento: 'si', exempt: 'si', no: 'no', n: 'no', false: 'no', 0: 'no' },
  } satisfies Choice<'si' | 'no'>,
  paymentMethod: {
    values: PAYMENT_METHODS,
    labels: {
      transferencia: { es: 'Transferencia', en: 'Bank transfer' },
      cheque: { es: 'Cheque', en: 'Cheque' },
      efectivo: { es: 'Efectivo', en: 'Cash' },
      'tarjeta-debito': { es: 'Tarjeta de débito', en: 'Debit card' },
      'tarjeta-credito': { es: 'Tarjeta de crédito', en: 'Credit card' },
      deposito: { es: 'Depósito', en: 'Deposit' },
      'vale-vista': { es: 'Vale vista', en: 'Bank draft' },
      otro: { es: 'Otro', en: 'Other' },
    },
    words: {
      transferencia: 'transferencia',
      'transferencia bancaria': 'transferencia',
      transfer: 'transferencia',
      'bank transfer': 'transferencia',
      'wire transfer': 'transferencia',
      wire: 'transferencia',
      cheque: 'cheque',
      check: 'cheque',
      efectivo: 'efectivo',
      cash: 'efectivo',
      tarjeta: 'tarjeta-debito',
      'tarjeta de debito': 'tarjeta-debito',
      'debit card': 'tarjeta-debito',
      debito: 'tarjeta-debito',
      card: 'tarjeta-debito',
      'tarjeta de credito': 'tarjeta-credito',
      'credit card': 'tarjeta-credito',
      credito: 'tarjeta-credito',
      deposito: 'deposito',
      deposit: 'deposito',
      'vale vista': 'vale-vista',
      'bank draft': 'vale-vista',
      otro: 'otro',
      other: 'otro',
    },
  } satisfies Choice<PaymentMethod>,
} as const;

export type ChoiceId = keyof typeof CHOICES;
export type ChoiceValue<C extends ChoiceId> = (typeof CHOICES)[C]['values'][number];

export const isChoiceId = (text: string): text is ChoiceId => Object.prototype.hasOwnProperty.call(CHOICES, text);

export function parseChoice<C extends ChoiceId>(id: C, text: string): ChoiceValue<C> | null {
  const words: Readonly<Record<string, string>> = CHOICES[id].words;
  return (words[normalizeText(text)] as ChoiceValue<C> | undefined) ?? null;
}

/** Every stored value of a list, in the order people see them. */
export const choiceValues = <C extends ChoiceId>(id: C): readonly ChoiceValue<C>[] => CHOICES[id].values as readonly ChoiceValue<C>[];

export function choiceLabel<C extends ChoiceId>(id: C, value: ChoiceValue<C>, locale: Locale): string {
  const labels: Readonly<Record<string, Label>> = CHOICES[id].labels;
  return labels[value]?.[locale] ?? value;
}

/** The labels of a list, for drop-downs (setup's data validation) and for messages. */
export const choiceLabels = (id: ChoiceId, locale: Locale): string[] => choiceValues(id).map((v) => choiceLabel(id, v as never, locale));

/** `Pedido, Nota de entrega, Directa`: what an invalid value is told it may be. */
export const allowedChoices = (id: ChoiceId, locale: Locale): string => choiceLabels(id, locale).join(', ');

export const parseOrigin = (text: string): Origin | null => parseChoice('origin', text);
export const parseDocumentState = (text: string): DocumentState | null => parseChoice('state', text);
export const parsePaymentStatus = (text: string): PaymentStatus | null => parseChoice('paymentStatus', text);

/** English status names for JSON output. */
export const PAYMENT_STATUS_EN = (status: PaymentStatus): string => PAYMENT_STATUS_LABELS[status].en;

/**
 * The text a Pagos row stores for a method, whatever language it was chosen in: the Spanish label
 * of a known method (`Transfer` -> `Transferencia`), else what the person wrote, trimmed.
 */
export function canonicalPaymentMethod(text: string): string {
  const method = parseChoice('paymentMethod', text);
  return method ? choiceLabel('paymentMethod', method, 'es') : text.trim();
}

/** The methods a form offers, each shown in the person's language and stored as its canonical text. */
export const paymentMethodOptions = (locale: Locale): readonly { readonly value: string; readonly label: string }[] =>
  choiceValues('paymentMethod').map((m) => ({ value: choiceLabel('paymentMethod', m, 'es'), label: choiceLabel('paymentMethod', m, locale) }));
