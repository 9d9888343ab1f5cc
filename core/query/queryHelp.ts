import type { Locale } from '../i18n/locale';

const HELP: Readonly<Record<Locale, string>> = {
  es: `Búsqueda de documentos
Palabras sueltas buscan en folio, cliente y RUT, sin importar mayúsculas ni tildes; todas deben coincidir.
  acme                      clientes con «acme» en el nombre
  "acme ltda"               frase exacta
  1023   33-1023            folio, o tipo y folio
  12.345.678-5   12345678   RUT con o sin puntos y guion
Filtros:
  estado:vencida            pendiente, parcial, vencida, pagada, anulada (varios: estado:vencida,parcial)
  cliente:"Acme Ltda"       parte del nombre del cliente
  rut:12.345.678-5          RUT del cliente
  desde:2026-01-01 hasta:2026-03-31   fecha de emisión, ambas incluidas (también DD-MM-AAAA)
  origen:pedido             pedido, nota-entrega, directa
  tipo:33                   tipo de documento SII (varios: tipo:33,34)
  monto>1.000.000           total; también >=, <, <=, =
  saldo>0                   saldo por cobrar
  etiqueta:retail           etiqueta del cliente
  promesa:incumplida        promesa de pago vigente, incumplida o cumplida (hoja Gestiones)
Orden:
  orden:fecha   orden:-total   orden:cliente,-fecha
  campos: fecha, vencimiento, folio, tipo, cliente, total, saldo, estado, dias; con - delante, descendente
  sin orden: lo más reciente primero
Ejemplo: estado:vencida saldo>500.000 orden:-dias`,
  en: `Searching documents
Free words match number, customer and RUT, ignoring case and accents; every word must match.
  acme                      customers with "acme" in their name
  "acme ltda"               exact phrase
  1023   33-1023            number, or type and number
  12.345.678-5   12345678   RUT with or without dots and dash
Filters (Spanish names work too):
  status:overdue            pending, partial, overdue, paid, void (several: status:overdue,partial)
  customer:"Acme Ltda"      part of the customer name
  taxid:12.345.678-5        customer RUT
  from:2026-01-01 to:2026-03-31   issue date, both included (DD-MM-YYYY too)
  origin:order              order, delivery-note, direct
  type:33                   SII document type (several: type:33,34)
  amount>1.000.000          total; also >=, <, <=, =
  balance>0                 balance still owed
  tag:retail                customer tag
  promise:broken            promise to pay open, broken or kept (Gestiones tab)
Sort:
  sort:date   sort:-total   sort:customer,-date
  fields: date, due, number, type, customer, total, balance, status, days; prefix - for descending
  default: newest first
Example: status:overdue balance>500.000 sort:-days`,
};

/** Plain-text syntax guide for `/facturas ayuda`, the sidebar and `facturas search --help`. */
export const queryHelp = (locale: Locale): string => HELP[locale];
