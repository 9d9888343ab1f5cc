import type { Book, InvoiceDocument } from '../model';

/** A line of the débitos section of the SII's Formulario 29: its code, what it is, and its value. */
export interface F29Line {
  readonly code: number;
  readonly label: string;
  readonly value: number;
}

export interface F29Debits {
  readonly period: string;
  readonly lines: readonly F29Line[];
}

/**
 * The codes and wording of the SII's Formulario 29 (Declaración Mensual y Pago Simultáneo de
 * Impuestos), section "Débitos y ventas": lines 2, 7, 9, 10, 11 and 20. docs/sii.md cites the form.
 */
const F29_LABELS = {
  586: { es: 'Cantidad de documentos de ventas y servicios exentos o no gravados del giro', en: 'Number of documents of exempt or non-taxed sales and services' },
  142: { es: 'Monto neto de ventas y servicios exentos o no gravados del giro', en: 'Net amount of exempt or non-taxed sales and services' },
  503: { es: 'Cantidad de facturas emitidas por ventas y servicios del giro', en: 'Number of invoices issued' },
  502: { es: 'Débito de facturas emitidas por ventas y servicios del giro', en: 'VAT debit of invoices issued' },
  110: { es: 'Cantidad de boletas', en: 'Number of boletas (receipts)' },
  111: { es: 'Débito de boletas', en: 'VAT debit of boletas (receipts)' },
  512: { es: 'Cantidad de notas de débito emitidas del giro', en: 'Number of debit notes issued' },
  513: { es: 'Débito de notas de débito emitidas del giro', en: 'VAT debit of debit notes issued' },
  509: { es: 'Cantidad de notas de crédito emitidas por facturas del giro', en: 'Number of credit notes issued' },
  510: { es: 'Débito de notas de crédito emitidas por facturas del giro (resta)', en: 'VAT of credit notes issued (subtracts)' },
  538: { es: 'Total débitos', en: 'Total debits' },
} as const;

export type F29Code = keyof typeof F29_LABELS;

/**
 * The débitos of a month from the workbook's documents issued in it (void ones left out):
 * facturas (33) 503/502, boletas (39) 110/111, notas de débito (56) 512/513, notas de crédito
 * (61) 509/510, documents with an exempt amount (34, and 33 with Exento) 586/142, and
 * 538 = 502 + 111 + 513 − 510.
 */
export function f29Debits(book: Book, period: string, locale: 'es' | 'en'): F29Debits {
  const docs = book.documents.filter((doc) => doc.state !== 'anulada' && doc.issueDate.slice(0, 7) === period);
  const ofType = (type: number): InvoiceDocument[] => docs.filter((doc) => doc.type === type);
  const vat = (list: readonly InvoiceDocument[]): number => list.reduce((sum, doc) => sum + doc.tax, 0);
  const exemptSales = docs.filter((doc) => (doc.type === 34 || doc.type === 33) && doc.exempt > 0);
  const values: Record<F29Code, number> = {
    586: exemptSales.length,
    142: exemptSales.reduce((sum, doc) => sum + doc.exempt, 0),
    503: ofType(33).length,
    502: vat(ofType(33)),
    110: ofType(39).length,
    111: vat(ofType(39)),
    512: ofType(56).length,
    513: vat(ofType(56)),
    509: ofType(61).length,
    510: vat(ofType(61)),
    538: 0,
  };
  values[538] = values[502] + values[111] + values[513] - values[510];
  const order: readonly F29Code[] = [586, 142, 503, 502, 110, 111, 512, 513, 509, 510, 538];
  return { period, lines: order.map((code) => ({ code, label: F29_LABELS[code][locale], value: values[code] })) };
}

/** Codes whose value counts documents; the others are pesos. */
export const F29_COUNT_CODES: ReadonlySet<number> = new Set([586, 503, 110, 512, 509]);
