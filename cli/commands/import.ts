import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fail, formatIssue, issue, ok } from '../../core';
import { expectPositionals } from '../args';
import { type Command, CliError, EXIT } from '../command';
import { type ImportRejection, checkShape, parseCsv, planImport } from '../csvImport';
import { messages } from '../messages';
import { warnUnreadable } from '../output';

export const command: Command = {
  name: 'import',
  usage: { es: 'ARCHIVO.csv', en: 'FILE.csv' },
  description: {
    es: 'Agrega a Facturas los documentos de un CSV cuya primera fila usa los encabezados de Facturas (Tipo, Folio, Fecha, ...). Separador coma o punto y coma; UTF-8 con o sin BOM; fechas AAAA-MM-DD o DD-MM-AAAA. Todo o nada: si una fila tiene errores no se importa ninguna, y se indica cada fila con su línea, folio y motivo.',
    en: 'Appends to Facturas the documents of a CSV whose first row uses the Facturas headers (Tipo, Folio, Fecha, ... or their English aliases). Comma or semicolon; UTF-8 with or without BOM; dates YYYY-MM-DD or DD-MM-YYYY. All or nothing: if any row is bad nothing is imported, and every bad row is listed with its line, number and reason.',
  },
  options: [],
  formats: [],
  async run(args, context) {
    const m = messages(context.locale);
    const [fileArgument] = expectPositionals(args, this, { min: 1, max: 1 }, m, context.locale);
    const filePath = context.resolvePath(fileArgument!);
    const name = path.basename(filePath);
    let text: string;
    try {
      text = await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError([m.fileNotFound(filePath)]);
      throw error;
    }
    const parsed = parseCsv(name, text, context.locale);
    if (!parsed.ok) throw new CliError(parsed.lines);
    const shapeProblems = checkShape(parsed.file);
    if (shapeProblems.length > 0) {
      const lines = shapeProblems.map((p) => formatIssue(p, context.locale));
      const badLines = new Set(shapeProblems.flatMap((p) => (p.path.line === undefined ? [] : [p.path.line]))).size;
      throw new CliError(badLines > 0 ? [m.importRejected(name, badLines), ...lines] : lines);
    }

    let rejection: ImportRejection | undefined;
    const result = await context.openStore().transact((read) => {
      warnUnreadable(read, context);
      const planned = planImport(parsed.file, read, context.profile, context.asOf, context.locale);
      if (planned.ok) return ok({ plan: planned.value.plan, outcome: planned.value.documents.length });
      rejection = planned.rejection;
      // The reasons are rendered with file lines and folios above; this only stops the write.
      return fail(issue('csvEmpty', { file: name }));
    });
    if (!result.ok) {
      if (rejection) throw new CliError([m.importRejected(name, rejection.badRecords), ...rejection.lines]);
      throw new CliError(result.issues.map((p) => formatIssue(p, context.locale)));
    }
    context.print(m.imported(result.value, name, context.workbookPath));
    return EXIT.ok;
  },
};
