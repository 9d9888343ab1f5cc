import type { Locale } from '../i18n/locale';
import { normalizeText } from '../text/normalizeText';
import type { SortField } from './types';

/** What a `key:` word filters on; `amount` and `balance` take comparisons (`monto>1000`). */
export type FilterName = 'status' | 'customer' | 'taxId' | 'from' | 'to' | 'origin' | 'type' | 'tag' | 'sort' | 'amount' | 'balance' | 'promise';

/** The kinds of value a query word can need; each has one "what is allowed" text per locale. */
export type QueryTopic = 'filter' | 'status' | 'customer' | 'taxId' | 'date' | 'origin' | 'type' | 'tag' | 'amount' | 'sort' | 'promise';

const FILTER_WORDS: Readonly<Record<string, FilterName>> = {
  estado: 'status',
  status: 'status',
  cliente: 'customer',
  customer: 'customer',
  rut: 'taxId',
  taxid: 'taxId',
  desde: 'from',
  from: 'from',
  hasta: 'to',
  to: 'to',
  origen: 'origin',
  origin: 'origin',
  tipo: 'type',
  type: 'type',
  etiqueta: 'tag',
  tag: 'tag',
  orden: 'sort',
  sort: 'sort',
  monto: 'amount',
  amount: 'amount',
  saldo: 'balance',
  balance: 'balance',
  promesa: 'promise',
  promise: 'promise',
};

const SORT_WORDS: Readonly<Record<string, SortField>> = {
  fecha: 'fecha',
  date: 'fecha',
  emision: 'fecha',
  vencimiento: 'vencimiento',
  due: 'vencimiento',
  duedate: 'vencimiento',
  vence: 'vencimiento',
  folio: 'folio',
  number: 'folio',
  numero: 'folio',
  tipo: 'tipo',
  type: 'tipo',
  cliente: 'cliente',
  customer: 'cliente',
  total: 'total',
  monto: 'total',
  amount: 'total',
  saldo: 'saldo',
  balance: 'saldo',
  estado: 'estado',
  status: 'estado',
  dias: 'dias',
  days: 'dias',
  atraso: 'dias',
};

export const filterNamed = (word: string): FilterName | null => FILTER_WORDS[normalizeText(word)] ?? null;
export const sortFieldNamed = (word: string): SortField | null => SORT_WORDS[normalizeText(word)] ?? null;

export const TOPIC_OF_FILTER: Readonly<Record<FilterName, QueryTopic>> = {
  status: 'status',
  customer: 'customer',
  taxId: 'taxId',
  from: 'date',
  to: 'date',
  origin: 'origin',
  type: 'type',
  tag: 'tag',
  sort: 'sort',
  amount: 'amount',
  balance: 'amount',
  promise: 'promise',
};

const ALLOWED: Readonly<Record<QueryTopic, { readonly es: string; readonly en: string }>> = {
  filter: {
    es: 'estado:, cliente:, rut:, desde:, hasta:, origen:, tipo:, etiqueta:, promesa:, orden:, monto>N o saldo>N',
    en: 'status:, customer:, taxid:, from:, to:, origin:, type:, tag:, promise:, sort:, amount>N or balance>N',
  },
  status: { es: 'pendiente, parcial, vencida, pagada o anulada', en: 'pending, partial, overdue, paid or void' },
  customer: { es: 'parte del nombre, p. ej. cliente:"Acme Ltda"', en: 'part of the name, e.g. customer:"Acme Ltda"' },
  taxId: { es: 'un RUT con dígito verificador, p. ej. 12.345.678-5', en: 'a RUT with its check digit, e.g. 12.345.678-5' },
  date: { es: 'una fecha AAAA-MM-DD o DD-MM-AAAA', en: 'a date YYYY-MM-DD or DD-MM-YYYY' },
  origin: { es: 'pedido, nota-entrega o directa', en: 'order, delivery-note or direct' },
  type: { es: 'códigos de documento, p. ej. 33 o 33,61', en: 'document type codes, e.g. 33 or 33,61' },
  promise: { es: 'vigente, incumplida o cumplida', en: 'open, broken or kept' },
  tag: { es: 'una etiqueta del cliente, p. ej. etiqueta:retail', en: 'a customer tag, e.g. tag:retail' },
  amount: { es: 'un monto como 1000000 o 1.000.000, p. ej. monto>1.000.000', en: 'an amount like 1000000 or 1.000.000, e.g. amount>1.000.000' },
  sort: {
    es: 'fecha, vencimiento, folio, tipo, cliente, total, saldo, estado o dias (con - delante para orden descendente, p. ej. orden:-total)',
    en: 'date, due, number, type, customer, total, balance, status or days (prefix - for descending, e.g. sort:-total)',
  },
};

const isTopic = (topic: string): topic is QueryTopic => Object.prototype.hasOwnProperty.call(ALLOWED, topic);

/** What a query word may say, for error messages: `pendiente, parcial, vencida, pagada o anulada`. */
export const queryAllowed = (topic: string, locale: Locale): string => (isTopic(topic) ? ALLOWED[topic][locale] : ALLOWED.filter[locale]);
