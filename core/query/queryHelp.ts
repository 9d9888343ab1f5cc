import type { Locale } from '../i18n/locale';

/** One line of the guide: what to type (one or more examples) and, when it needs saying, what it does. */
export interface QueryHelpRow {
  readonly examples: readonly string[];
  readonly what?: string;
}

export interface QueryHelpSection {
  readonly heading: string;
  readonly rows: readonly QueryHelpRow[];
  /** Sentences under the examples. */
  readonly notes: readonly string[];
}

/** The query language's guide as data: the CLI and Slack render it as text, the sidebar as its own layout. */
export interface QueryHelp {
  readonly title: string;
  readonly intro: string;
  /** The free-word examples, before any heading. */
  readonly words: readonly QueryHelpRow[];
  readonly sections: readonly QueryHelpSection[];
  readonly example: { readonly label: string; readonly query: string };
}

const row = (examples: string | readonly string[], what?: string): QueryHelpRow => ({ examples: typeof examples === 'string' ? [examples] : examples, what });

const HELP: Readonly<Record<Locale, QueryHelp>> = {
  es: {
    title: 'Búsqueda de documentos',
    intro: 'Palabras sueltas buscan en folio, cliente y RUT, sin importar mayúsculas ni tildes; todas deben coincidir.',
    words: [
      row('acme', 'clientes con «acme» en el nombre'),
      row('"acme ltda"', 'frase exacta'),
      row(['1023', '33-1023'], 'folio, o tipo y folio'),
      row(['12.345.678-5', '12345678'], 'RUT con o sin puntos y guion'),
    ],
    sections: [
      {
        heading: 'Filtros',
        rows: [
          row('estado:vencida', 'pendiente, parcial, vencida, pagada, anulada (varios: estado:vencida,parcial)'),
          row('cliente:"Acme Ltda"', 'parte del nombre del cliente'),
          row('rut:12.345.678-5', 'RUT del cliente'),
          row('desde:2026-01-01 hasta:2026-03-31', 'fecha de emisión, ambas incluidas (también DD-MM-AAAA)'),
          row('origen:pedido', 'pedido, nota-entrega, directa'),
          row('tipo:33', 'tipo de documento SII (varios: tipo:33,34)'),
          row('monto>1.000.000', 'total; también >=, <, <=, ='),
          row('saldo>0', 'saldo por cobrar'),
          row('etiqueta:retail', 'etiqueta del cliente'),
          row('promesa:incumplida', 'promesa de pago vigente, incumplida o cumplida (hoja Gestiones)'),
        ],
        notes: [],
      },
      {
        heading: 'Orden',
        rows: [row(['orden:fecha', 'orden:-total', 'orden:cliente,-fecha'])],
        notes: ['campos: fecha, vencimiento, folio, tipo, cliente, total, saldo, estado, dias; con - delante, descendente', 'sin orden: lo más reciente primero'],
      },
    ],
    example: { label: 'Ejemplo', query: 'estado:vencida saldo>500.000 orden:-dias' },
  },
  en: {
    title: 'Searching documents',
    intro: 'Free words match number, customer and RUT, ignoring case and accents; every word must match.',
    words: [
      row('acme', 'customers with "acme" in their name'),
      row('"acme ltda"', 'exact phrase'),
      row(['1023', '33-1023'], 'number, or type and number'),
      row(['12.345.678-5', '12345678'], 'RUT with or without dots and dash'),
    ],
    sections: [
      {
        heading: 'Filters (Spanish names work too)',
        rows: [
          row('status:overdue', 'pending, partial, overdue, paid, void (several: status:overdue,partial)'),
          row('customer:"Acme Ltda"', 'part of the customer name'),
          row('taxid:12.345.678-5', 'customer RUT'),
          row('from:2026-01-01 to:2026-03-31', 'issue date, both included (DD-MM-YYYY too)'),
          row('origin:order', 'order, delivery-note, direct'),
          row('type:33', 'SII document type (several: type:33,34)'),
          row('amount>1.000.000', 'total; also >=, <, <=, ='),
          row('balance>0', 'balance still owed'),
          row('tag:retail', 'customer tag'),
          row('promise:broken', 'promise to pay open, broken or kept (Gestiones tab)'),
        ],
        notes: [],
      },
      {
        heading: 'Sort',
        rows: [row(['sort:date', 'sort:-total', 'sort:customer,-date'])],
        notes: ['fields: date, due, number, type, customer, total, balance, status, days; prefix - for descending', 'default: newest first'],
      },
    ],
    example: { label: 'Example', query: 'status:overdue balance>500.000 sort:-days' },
  },
};

/** The guide as data, for a face that lays it out itself (the sidebar at 300 px). */
export const queryHelpData = (locale: Locale): QueryHelp => HELP[locale];

const EXAMPLE_WIDTH = 26;

const rowText = (r: QueryHelpRow): string => {
  const examples = r.examples.join('   ');
  if (r.what === undefined) return `  ${examples}`;
  return `  ${examples.length < EXAMPLE_WIDTH ? examples.padEnd(EXAMPLE_WIDTH) : `${examples}   `}${r.what}`;
};

/** Plain-text syntax guide in columns, for `/facturas ayuda` and `facturas search --help`. */
export function queryHelp(locale: Locale): string {
  const help = HELP[locale];
  return [
    help.title,
    help.intro,
    ...help.words.map(rowText),
    ...help.sections.flatMap((s) => [`${s.heading}:`, ...s.rows.map(rowText), ...s.notes.map((n) => `  ${n}`)]),
    `${help.example.label}: ${help.example.query}`,
  ].join('\n');
}
