import { type ImportPlanned, type ParsedImportFile, decodeImportFile, fail, fileOutcomeLine, formatIssue, issue, ok, parseImportFile, planImport, refusalLines } from '../../core';
import { expectPositionals } from '../args';
import { type Command, CliError, EXIT } from '../command';
import { messages } from '../messages';
import { warnUnreadable } from '../output';
import { readInputFile } from '../inputFile';

export const command: Command = {
  name: 'import',
  usage: { es: 'ARCHIVO...', en: 'FILE...' },
  description: {
    es: 'Agrega a Facturas los documentos de uno o más archivos, reconociendo cada uno por su contenido: un CSV con los encabezados de Facturas (Tipo, Folio, Fecha, ...), la exportación de ventas del RCV del SII, o XML de DTE (un <DTE> o un <EnvioDTE>). UTF-8 con o sin BOM, si no Windows-1252; el XML en la codificación que declara. Un documento que ya está con el mismo tipo, folio, RUT y montos se omite. Todo o nada: si algo tiene errores no se importa ningún archivo, y se indica cada problema con su archivo, línea o documento, campo y motivo.',
    en: "Appends to Facturas the documents of one or more files, each recognised by its content: a CSV with the Facturas headers (Tipo, Folio, Fecha, ... or their English aliases), the SII's RCV sales export, or DTE XML (a <DTE> or an <EnvioDTE>). UTF-8 with or without BOM, else Windows-1252; XML in the encoding it declares. A document already there with the same type, number, RUT and amounts is skipped. All or nothing: if anything is wrong no file is imported, and every problem is listed with its file, line or document, field and reason.",
  },
  options: [],
  formats: [],
  async run(args, context) {
    const m = messages(context.locale);
    const names = expectPositionals(args, this, { min: 1, max: 1000 }, m, context.locale);
    const parsed: ParsedImportFile[] = [];
    for (const argument of names) {
      const { name, bytes } = await readInputFile(context, argument);
      const decoded = decodeImportFile(name, bytes);
      parsed.push(decoded.ok ? parseImportFile(name, decoded.decoded, context.profile) : { file: name, kind: 'dte', encoding: 'utf-8', candidates: [], omitted: [], problems: [decoded.problem] });
    }
    // Problems that need no workbook are told before taking the lock.
    if (parsed.some((file) => file.problems.length > 0)) {
      const outcomes = parsed.map((file) => ({ file: file.file, kind: file.kind, encoding: file.encoding, added: [], alreadyPresent: [], omitted: file.omitted, refused: 0 }));
      throw new CliError(
        refusalLines(
          outcomes,
          parsed.flatMap((file) => file.problems),
          context.locale,
        ),
      );
    }

    let planned: ImportPlanned | undefined;
    const result = await context.openStore().transact((read) => {
      warnUnreadable(read, context);
      planned = planImport(parsed, read, context.profile, context.asOf);
      const empty = planned.plan.updates.length === 0 && planned.plan.appends.length === 0;
      // Everything already there: nothing is written, so the file stays byte for byte.
      if (planned.problems.length === 0 && empty) return fail(issue('importNothingNew'));
      if (planned.problems.length === 0) return ok({ plan: planned.plan, outcome: planned.documents.length });
      // The reasons are rendered with files, lines and folios below; this only stops the write.
      return fail(issue('csvEmpty', { file: parsed[0]!.file }));
    });
    const unchanged = planned !== undefined && planned.problems.length === 0 && planned.documents.length === 0;
    if (!result.ok && !unchanged) {
      if (planned && planned.problems.length > 0) throw new CliError(refusalLines(planned.files, planned.problems, context.locale));
      throw new CliError(result.issues.map((p) => formatIssue(p, context.locale)));
    }
    const files = planned!.files;
    context.print(m.imported(result.ok ? result.value : 0, files.length === 1 ? files[0]!.file : m.filesCount(files.length), context.workbookPath));
    for (const outcome of files) context.print(fileOutcomeLine(outcome, context.locale));
    return EXIT.ok;
  },
};
