import type { Command, Localized } from '../command';

export interface CommandEntry {
  readonly name: string;
  readonly summary: Localized;
  /** Loaded on use, so `facturas search` never loads pdfmake. */
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', summary: { es: 'crea el libro con todas las hojas (--demo: con datos de ejemplo)', en: 'creates the workbook with every tab (--demo: with sample data)' }, load: async () => (await import('./init')).command },
  { name: 'import', summary: { es: 'agrega los documentos de CSV, RCV o XML de DTE, todos o ninguno', en: 'appends the documents of CSV, RCV or DTE XML files, all or none' }, load: async () => (await import('./import')).command },
  { name: 'search', summary: { es: 'busca documentos (facturas search --help muestra el lenguaje)', en: 'searches documents (facturas search --help shows the language)' }, load: async () => (await import('./search')).command },
  { name: 'show', summary: { es: 'muestra un documento: detalle, pagos, notas e historial', en: 'shows one document: lines, payments, notes and history' }, load: async () => (await import('./show')).command },
  { name: 'pay', summary: { es: 'registra un pago en Pagos e Historial', en: 'records a payment in Pagos and Historial' }, load: async () => (await import('./pay')).command },
  { name: 'promise', summary: { es: 'registra una promesa de pago en Gestiones', en: 'records a promise to pay in Gestiones' }, load: async () => (await import('./promise')).command },
  {
    name: 'log',
    summary: { es: 'anota una llamada, correo o nota de cobranza en Gestiones', en: 'logs a collection call, email or note in Gestiones' },
    load: async () => (await import('./log')).command,
  },
  {
    name: 'statement',
    summary: { es: 'estado de cuenta de un cliente (table, json, csv o pdf)', en: "a customer's statement (table, json, csv or pdf)" },
    load: async () => (await import('./statement')).command,
  },
  {
    name: 'remind',
    summary: { es: 'prepara los recordatorios de cobranza del día (.eml con estado de cuenta)', en: "prepares the day's collection reminders (.eml with the statement)" },
    load: async () => (await import('./remind')).command,
  },
  { name: 'void', summary: { es: 'anula un documento', en: 'voids a document' }, load: async () => (await import('./void')).command },
  { name: 'report', summary: { es: 'informes: status, aging, libro-ventas, f29', en: 'reports: status, aging, libro-ventas, f29' }, load: async () => (await import('./report')).command },
  { name: 'sii', summary: { es: 'concilia el libro con el RCV del SII (sii reconcile RCV.csv)', en: 'reconciles the workbook with the SII RCV (sii reconcile RCV.csv)' }, load: async () => (await import('./sii')).command },
  { name: 'pdf', summary: { es: 'guarda el PDF de un documento', en: 'saves the PDF of a document' }, load: async () => (await import('./pdf')).command },
  {
    name: 'serve',
    summary: { es: 'vista previa del panel lateral y, con ajustes de Slack, el bot', en: 'sidebar preview and, with Slack settings, the bot' },
    load: async () => (await import('./serve')).command,
  },
];

export const findCommand = (name: string): CommandEntry | undefined => COMMANDS.find((entry) => entry.name === name);
