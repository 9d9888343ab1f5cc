import type { Locale } from '../i18n/locale';
import { assertNever } from '../assertNever';
import { formatMoney } from '../money/formatMoney';
import { echoInput } from '../present/echoInput';
import { currencyScale } from '../money/money';
import { TABS } from '../workbook/schema';
import { allowedChoices, isChoiceId } from '../workbook/choices';
import { queryAllowed } from '../query/queryVocabulary';
import type { Issue, IssuePath } from './issue';
import { collectionIssueMessage, isCollectionIssueCode } from '../collections/collectionIssues';

const money = (issue: Issue, key: string): string => formatMoney(Number(issue.params[key] ?? 0), String(issue.params.currency ?? 'CLP'));
const quoted = (value: unknown): string => `«${echoInput(value)}»`;

const TAX_ID_PROBLEMS: Readonly<Record<string, { es: string; en: string }>> = {
  checkDigit: { es: 'tiene el dígito verificador incorrecto', en: 'has the wrong check digit' },
  dots: { es: 'tiene los puntos fuera de lugar: agrupan miles (12.345.678-5) o no van', en: 'has misplaced dots: they group thousands (12.345.678-5) or are left out' },
  dash: { es: 'tiene un guion fuera de lugar: solo va antes del dígito verificador (12345678-5)', en: 'has a misplaced dash: it only goes before the check digit (12345678-5)' },
  length: { es: 'tiene demasiados dígitos para un RUT (hasta 99.999.999-9)', en: 'has too many digits for a RUT (up to 99.999.999-9)' },
  zero: { es: 'no es un RUT: el número no puede ser cero', en: 'is not a RUT: the number cannot be zero' },
};

const taxIdProblem = (problem: string, locale: Locale): string => TAX_ID_PROBLEMS[problem]?.[locale] ?? (locale === 'es' ? 'no es un RUT (use 12.345.678-5)' : 'is not a RUT (use 12.345.678-5)');

/** `pagos:5,historial:9` -> `Pagos fila 5, Historial fila 9`. */
const rowList = (rows: string, locale: Locale): string =>
  rows
    .split(',')
    .filter(Boolean)
    .map((entry) => {
      const [tab = '', row = ''] = entry.split(':');
      const spec = (TABS as Readonly<Record<string, { name: string; alias: string }>>)[tab];
      return `${spec ? (locale === 'es' ? spec.name : spec.alias) : tab} ${locale === 'es' ? 'fila' : 'row'} ${row}`;
    })
    .join(', ');

/** Where an imported document was met before: a workbook row, or a line or document of another file. */
function placeOf(issue: Issue, locale: Locale): string {
  const p = issue.params;
  const es = locale === 'es';
  if (p.row !== undefined) return es ? `en el libro (Facturas, fila ${p.row})` : `in the workbook (Facturas, row ${p.row})`;
  if (Number(p.otherDocument) > 0) return es ? `en el documento ${p.otherDocument} de ${p.otherFile}` : `in document ${p.otherDocument} of ${p.otherFile}`;
  return es ? `en la línea ${p.otherLine} de ${p.otherFile}` : `on line ${p.otherLine} of ${p.otherFile}`;
}

/** The text of one issue, without where it happened. */
export function issueMessage(issue: Issue, locale: Locale): string {
  if (isCollectionIssueCode(issue.code)) return collectionIssueMessage(issue as Issue & { readonly code: typeof issue.code }, locale);
  const p = issue.params;
  const es = locale === 'es';
  const value = quoted(p.value);
  switch (issue.code) {
    case 'missingTab':
      return es ? `falta la hoja ${p.tab}; use «Preparar planilla» para crearla` : `the ${p.tab} sheet is missing; use "Set up workbook" to create it`;
    case 'missingColumn':
      return es ? `falta la columna ${p.column} (o ${p.alias}) en la fila de encabezados` : `column ${p.column} (or ${p.alias}) is missing from the header row`;
    case 'required':
      return es ? 'está vacío y es obligatorio' : 'is empty and required';
    case 'invalidNumber':
      return es ? `${value} no es un monto válido (use p. ej. 297500 o 297.500)` : `${value} is not a valid amount (e.g. 297500 or 297.500)`;
    case 'invalidInteger':
      return es ? `${value} no es un número entero positivo` : `${value} is not a positive whole number`;
    case 'invalidDate':
      return es ? `${value} no es una fecha válida (use AAAA-MM-DD o DD-MM-AAAA)` : `${value} is not a valid date (use YYYY-MM-DD or DD-MM-YYYY)`;
    case 'invalidTaxId':
      return `${value} ${taxIdProblem(String(p.problem), locale)}`;
    case 'invalidChoice': {
      const allowed = typeof p.choice === 'string' && isChoiceId(p.choice) ? allowedChoices(p.choice, locale) : p.allowed;
      return es ? `${value} no es un valor permitido (${allowed})` : `${value} is not an allowed value (${allowed})`;
    }
    case 'invalidDocumentType': return es ? `${value} no es un tipo de documento conocido (${p.allowed})` : `${value} is not a known document type (${p.allowed})`;
    case 'invalidEmail': return es ? `${value} no es un correo válido` : `${value} is not a valid email address`;
    case 'totalMismatch': return es ? `${value} no es Neto + Exento + IVA (${money(issue, 'expected')})` : `${value} is not Net + Exempt + VAT (${money(issue, 'expected')})`;
    case 'totalWithOtherTaxesMismatch': return es ? `${value} no es Neto + Exento + IVA + Otros impuestos (${money(issue, 'expected')})` : `${value} is not Net + Exempt + VAT + Other taxes (${money(issue, 'expected')})`;
    case 'vatMismatch': return es ? `${value} no es el IVA ${p.rate} del Neto (${money(issue, 'expected')})` : `${value} is not ${p.rate} VAT on the Net (${money(issue, 'expected')})`;
    case 'exemptDocumentHasVat': return es ? `un documento tipo ${p.type} es exento: Neto e IVA deben ser 0` : `a type ${p.type} document is exempt: Net and VAT must be 0`;
    case 'duplicateDocument': return es ? `el documento ${p.key} ya está en la fila ${p.firstRow}` : `document ${p.key} is already in row ${p.firstRow}`;
    case 'missingReference': return es ? `una nota tipo ${p.type} debe indicar el documento que modifica (p. ej. 33-1023)` : `a type ${p.type} note must name the document it amends (e.g. 33-1023)`;
    case 'unknownReference': return es ? `${value} no corresponde a ningún documento` : `${value} matches no document`;
    case 'dueBeforeIssue': return es ? `el vencimiento ${value} es anterior a la fecha de emisión ${p.issueDate}` : `due date ${value} is before the issue date ${p.issueDate}`;
    case 'totalNotPositive': return es ? `el total ${value} debe ser mayor que cero` : `the total ${value} must be greater than zero`;
    case 'creditExceedsDocument': return es ? `la nota de crédito por ${money(issue, 'value')} supera lo que queda de ${p.key} (${money(issue, 'remaining')})` : `the credit note of ${money(issue, 'value')} exceeds what remains of ${p.key} (${money(issue, 'remaining')})`;
    case 'duplicateTab': return es ? `las hojas ${p.names} significan lo mismo (${p.tab}); deje una sola` : `the sheets ${p.names} mean the same (${p.tab}); keep only one`;
    case 'csvEmpty': return es ? 'el archivo no tiene filas de datos' : 'the file has no data rows';
    case 'csvColumnCount': return es ? `la línea tiene ${p.found} columnas y el encabezado ${p.expected}` : `the line has ${p.found} columns and the header ${p.expected}`;
    case 'csvUnterminatedQuote': return es ? 'una comilla (") abierta aquí no se cierra' : 'a quote (") opened here is never closed';
    case 'csvTextAfterQuote': return es ? 'hay texto después de una comilla de cierre; encierre todo el campo entre comillas' : 'there is text after a closing quote; quote the whole field';
    case 'importDifferentValue': return es ? `el documento ${p.key} ya está ${placeOf(issue, locale)} con ${p.field} ${quoted(p.existing)}; el archivo dice ${value}` : `document ${p.key} is already ${placeOf(issue, locale)} with ${p.field} ${quoted(p.existing)}; the file says ${value}`;
    case 'importDuplicateInFile': return es ? `el documento ${p.key} ya aparece en la línea ${p.line} del archivo` : `document ${p.key} already appears on line ${p.line} of the file`;
    case 'importReferenceMissing': return es ? `${value} no corresponde a ningún documento del libro ni de esta importación` : `${value} matches no document in the workbook or in this import`;
    case 'importUnknownKind': return es ? 'no es un CSV de Facturas, una exportación de ventas del RCV ni un XML de DTE del SII' : 'is neither a Facturas CSV, an RCV sales export nor an SII DTE XML';
    case 'importNothingNew': return es ? 'todos los documentos ya estaban en el libro; no se escribió nada' : 'every document was already in the workbook; nothing was written';
    case 'fileTooLarge': return es ? `pesa ${p.size} bytes; el máximo es ${p.limit} bytes (${p.what})` : `is ${p.size} bytes; the limit is ${p.limit} bytes (${p.what})`;
    case 'xmlDoctype': return es ? 'declara un DOCTYPE o entidades (<!DOCTYPE, <!ENTITY); un DTE del SII no los usa y no se procesan por seguridad' : 'declares a DOCTYPE or entities (<!DOCTYPE, <!ENTITY); an SII DTE has none and they are refused for safety';
    case 'xmlUnreadable': return es ? `no es un XML válido (${p.line ? `línea ${p.line}: ` : ''}${p.reason})` : `is not valid XML (${p.line ? `line ${p.line}: ` : ''}${p.reason})`;
    case 'xmlNotDte': return es ? `no es un <DTE> ni un <EnvioDTE> del SII (espacio de nombres http://www.sii.cl/SiiDte); su raíz es ${value}` : `is not an SII <DTE> or <EnvioDTE> (namespace http://www.sii.cl/SiiDte); its root is ${value}`;
    case 'xmlEncodingUnsupported': return es ? `declara la codificación ${value}; use UTF-8, ISO-8859-1 o WINDOWS-1252` : `declares the encoding ${value}; use UTF-8, ISO-8859-1 or WINDOWS-1252`;
    case 'xmlNotUtf8': return es ? `declara ${value} pero sus bytes no son ${p.value} válido` : `declares ${value} but its bytes are not valid ${p.value}`;
    case 'dteMissingField': return es ? `falta ${p.element}, obligatorio en un DTE` : `${p.element} is missing, and a DTE requires it`;
    case 'rcvMissingColumn': return es ? `falta la columna ${quoted(p.column)} de la exportación de ventas del RCV` : `the RCV sales export column ${quoted(p.column)} is missing`;
    case 'rcvOrphanContinuation': return es ? `una línea sin Nro continúa el documento anterior, pero ${p.type}-${p.folio} no es el documento de la línea anterior` : `a line without Nro continues the previous document, but ${p.type}-${p.folio} is not the document of the line before`;
    case 'unknownDocument': return es ? `no existe el documento ${value}` : `there is no document ${value}`;
    case 'ambiguousDocument': return es ? `el folio ${value} existe en varios tipos (${p.types}); indique TIPO-FOLIO, p. ej. ${p.example}` : `folio ${value} exists in several types (${p.types}); write TYPE-NUMBER, e.g. ${p.example}`;
    case 'invalidDocumentKey': return es ? `${value} no es un documento (use FOLIO o TIPO-FOLIO, p. ej. 33-1023)` : `${value} is not a document (use NUMBER or TYPE-NUMBER, e.g. 33-1023)`;
    case 'amountNotPositive': return es ? `el monto ${value} debe ser mayor que cero` : `the amount ${value} must be greater than zero`;
    case 'ambiguousAmount': {
      const pesos = currencyScale(String(p.currency)) === 0;
      return es
        ? `${value} se puede leer de dos maneras en ${p.currency}; escriba ${pesos ? '1.000 o 1000 (sin decimales)' : '1.234,50 (punto para miles, coma para decimales)'}`
        : `${value} can be read two ways in ${p.currency}; write ${pesos ? '1.000 or 1000 (no decimals)' : '1.234,50 (dot for thousands, comma for decimals)'}`;
    }
    case 'currencyMismatch':
      return es
        ? `${value} está en ${p.written} y el documento en ${p.currency}; escriba el monto en ${p.currency}`
        : `${value} is in ${p.written} and the document in ${p.currency}; write the amount in ${p.currency}`;
    case 'amountTooLarge':
      return es ? `${value} es demasiado grande para guardarse exacto` : `${value} is too large to be stored exactly`;
    case 'amountExceedsBalance':
      return es
        ? `el monto ${money(issue, 'amount')} supera el saldo de ${p.key} (${money(issue, 'balance')})`
        : `the amount ${money(issue, 'amount')} exceeds the balance of ${p.key} (${money(issue, 'balance')})`;
    case 'documentVoid':
      return es ? `${p.key} está anulada y no admite pagos` : `${p.key} is void and takes no payments`;
    case 'documentAlreadyVoid':
      return es ? `${p.key} ya está anulada` : `${p.key} is already void`;
    case 'documentHasPayments':
      return es
        ? `${p.key} tiene pagos por ${money(issue, 'paid')}; anúlela con una nota de crédito (61) o corrija primero los pagos`
        : `${p.key} has payments of ${money(issue, 'paid')}; cancel it with a credit note (61) or correct the payments first`;
    case 'paymentOnNote':
      return es ? `${p.key} es una nota; registre el pago en ${p.target}, el documento que modifica` : `${p.key} is a note; record the payment on ${p.target}, the document it amends`;
    case 'documentChanged':
      return es
        ? `${p.key} cambió desde que se mostró (saldo ahora ${money(issue, 'balance')}); vuelva a abrirla`
        : `${p.key} changed since it was shown (balance now ${money(issue, 'balance')}); open it again`;
    case 'documentHasUnreadableRows':
      return es
        ? `no se escribe en ${p.key}: lo tocan filas que no se pueden leer (${rowList(String(p.rows), locale)}); corríjalas primero`
        : `nothing is written to ${p.key}: rows that cannot be read touch it (${rowList(String(p.rows), locale)}); correct them first`;
    case 'workbookAmbiguous':
      return es
        ? `no se escribe nada: la planilla tiene varias hojas para ${p.tab} (${p.names}); deje una sola`
        : `nothing is written: the workbook has several sheets for ${p.tab} (${p.names}); keep only one`;
    case 'notAllowed':
      return es ? 'no tiene permiso para registrar pagos; pídalo a un administrador' : 'you are not allowed to record payments; ask an administrator';
    case 'invalidPeriod':
      return es ? `${value} no es un período (use AAAA-MM, p. ej. 2026-10)` : `${value} is not a period (use YYYY-MM, e.g. 2026-10)`;
    case 'mailQuotaExhausted':
      return es ? 'se agotó la cuota diaria de correos de Google; inténtelo mañana o descargue el PDF' : "Google's daily email quota is used up; try tomorrow or download the PDF";
    case 'missingEmail':
      return es ? `${p.key} no tiene correo; complete la columna Email` : `${p.key} has no email; fill in the Email column`;
    case 'queryUnknownFilter':
      return es ? `${value}: ${quoted(p.key)} no es un filtro; use ${queryAllowed('filter', locale)}` : `${value}: ${quoted(p.key)} is not a filter; use ${queryAllowed('filter', locale)}`;
    case 'queryEmptyValue':
      return es ? `${value}: falta el valor; use ${queryAllowed(String(p.topic), locale)}` : `${value}: the value is missing; use ${queryAllowed(String(p.topic), locale)}`;
    case 'queryUnterminatedQuote':
      return es ? `${value}: falta la comilla de cierre (")` : `${value}: the closing quote (") is missing`;
    case 'queryInvalidValue':
      return p.problem === 'checkDigit'
        ? es
          ? `${value}: ${quoted(p.bad)} tiene el dígito verificador incorrecto`
          : `${value}: ${quoted(p.bad)} has the wrong check digit`
        : es
          ? `${value}: ${quoted(p.bad)} no es válido; use ${queryAllowed(String(p.topic), locale)}`
          : `${value}: ${quoted(p.bad)} is not valid; use ${queryAllowed(String(p.topic), locale)}`;
    case 'queryInvalidSort':
      return es ? `${value}: no se puede ordenar por ${quoted(p.bad)}; use ${queryAllowed('sort', locale)}` : `${value}: cannot sort by ${quoted(p.bad)}; use ${queryAllowed('sort', locale)}`;
    default:
      return assertNever(issue.code);
  }
}

const FIELD_LABELS: Readonly<Record<string, { es: string; en: string }>> = {
  amount: { es: 'Monto', en: 'Amount' },
  date: { es: 'Fecha', en: 'Date' },
  method: { es: 'Medio', en: 'Method' },
  reference: { es: 'Referencia', en: 'Reference' },
  document: { es: 'Documento', en: 'Document' },
  period: { es: 'Período', en: 'Period' },
  email: { es: 'Email', en: 'Email' },
};

/** Form fields are named by key in issues and shown with the label the user saw. */
const fieldLabel = (field: string, locale: Locale): string => FIELD_LABELS[field]?.[locale] ?? field;

/** "Facturas, fila 14, columna Total" / "archivo.csv, línea 3 (folio 1023)" / "campo Monto". */
export function issueWhere(path: IssuePath, locale: Locale): string {
  const es = locale === 'es';
  const parts: string[] = [];
  if (path.tab) parts.push(es ? TABS[path.tab].name : TABS[path.tab].alias);
  if (path.file) parts.push(path.file);
  if (path.row !== undefined) parts.push(`${es ? 'fila' : 'row'} ${path.row}`);
  if (path.line !== undefined) parts.push(`${es ? 'línea' : 'line'} ${path.line}`);
  if (path.column) parts.push(`${es ? 'columna' : 'column'} ${path.column}`);
  if (path.field) parts.push(fieldLabel(path.field, locale));
  return parts.join(', ');
}

/** One line per issue, the same text in every face. */
export function formatIssue(issue: Issue, locale: Locale = 'es'): string {
  const where = issueWhere(issue.path, locale);
  const text = issueMessage(issue, locale);
  return where ? `${where}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
}
