import type { DocumentState, Origin, PaymentStatus } from '../model';
import { normalizeText } from '../text/normalizeText';

const ORIGIN_WORDS: Readonly<Record<string, Origin>> = {
  pedido: 'pedido', 'pedido de venta': 'pedido', 'sales order': 'pedido', order: 'pedido',
  'nota de entrega': 'nota-entrega', 'nota-entrega': 'nota-entrega', 'guia de despacho': 'nota-entrega', 'delivery note': 'nota-entrega', 'delivery-note': 'nota-entrega', delivery: 'nota-entrega',
  directa: 'directa', direct: 'directa',
};

const STATE_WORDS: Readonly<Record<string, DocumentState>> = {
  emitida: 'emitida', issued: 'emitida', anulada: 'anulada', void: 'anulada', nula: 'anulada',
};

const STATUS_WORDS: Readonly<Record<string, PaymentStatus>> = {
  pendiente: 'pendiente', pending: 'pendiente',
  parcial: 'parcial', partial: 'parcial',
  pagada: 'pagada', paid: 'pagada',
  vencida: 'vencida', overdue: 'vencida',
  anulada: 'anulada', void: 'anulada',
};

export const parseOrigin = (text: string): Origin | null => ORIGIN_WORDS[normalizeText(text)] ?? null;
export const parseDocumentState = (text: string): DocumentState | null => STATE_WORDS[normalizeText(text)] ?? null;
export const parsePaymentStatus = (text: string): PaymentStatus | null => STATUS_WORDS[normalizeText(text)] ?? null;

export const ORIGIN_LABELS: Readonly<Record<Origin, { es: string; en: string }>> = {
  pedido: { es: 'Pedido', en: 'Sales order' },
  'nota-entrega': { es: 'Nota de entrega', en: 'Delivery note' },
  directa: { es: 'Directa', en: 'Direct' },
};

export const STATE_LABELS: Readonly<Record<DocumentState, { es: string; en: string }>> = {
  emitida: { es: 'Emitida', en: 'Issued' },
  anulada: { es: 'Anulada', en: 'Void' },
};

export const PAYMENT_STATUS_LABELS: Readonly<Record<PaymentStatus, { es: string; en: string }>> = {
  pendiente: { es: 'pendiente', en: 'pending' },
  parcial: { es: 'parcial', en: 'partial' },
  pagada: { es: 'pagada', en: 'paid' },
  vencida: { es: 'vencida', en: 'overdue' },
  anulada: { es: 'anulada', en: 'void' },
};

/** English status names for JSON output. */
export const PAYMENT_STATUS_EN = (status: PaymentStatus): string => PAYMENT_STATUS_LABELS[status].en;
