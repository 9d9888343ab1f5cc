import { z } from 'zod';
import { findDocument, invoicePdfOfBook } from '../../core';
import { expectPositionals } from '../args';
import { type Command, EXIT } from '../command';
import { messages } from '../messages';
import { issuesError } from '../output';
import { textOption, validate } from '../schemas';
import { readLedger } from '../workbook';
import { FORCE_OPTION, deliver } from './report';

export const command: Command = {
  name: 'pdf',
  usage: { es: '[TIPO-]FOLIO [--out ARCHIVO.pdf] [--force]', en: '[TYPE-]NUMBER [--out FILE.pdf] [--force]' },
  description: {
    es: 'Guarda el PDF de un documento, con emisor (hoja Empresa), cliente, detalle, totales y pagos a la fecha de corte. Por defecto en TIPO-FOLIO.pdf.',
    en: 'Saves the PDF of a document, with issuer (Empresa tab), customer, lines, totals and payments as of the as-of date. Default file TYPE-NUMBER.pdf.',
  },
  options: [{ name: 'out', type: 'string', value: 'FILE.pdf', help: { es: 'archivo PDF a escribir', en: 'PDF file to write' } }, FORCE_OPTION],
  formats: [],
  async run(args, context) {
    const m = messages(context.locale);
    const [key] = expectPositionals(args, this, { min: 1, max: 1 }, m, context.locale);
    const options = validate(z.object({ out: textOption('--out', m).optional() }), { out: args.values.out }, m);
    const { read, ledger } = await readLedger(context);
    const found = findDocument(ledger, key!);
    if (!found.ok) throw issuesError(found.issues, context.locale);
    const view = found.value;
    const definition = invoicePdfOfBook(read.book, view, { profile: context.profile, locale: context.locale, asOf: context.asOf, timeZone: context.timeZone });
    const { renderPdf } = await import('../../core/node/pdf');
    await deliver(context, 'pdf', options.out ?? `${view.type}-${view.number}.pdf`, () => renderPdf(definition), args.values.force === true);
    return EXIT.ok;
  },
};
