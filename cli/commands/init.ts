import { createWorkbook } from '../../core/node/xlsxCreate';
import { fileExists } from '../../core/node/xlsxFile';
import { expectPositionals } from '../args';
import { type Command, EXIT } from '../command';
import { messages } from '../messages';

export const command: Command = {
  name: 'init',
  usage: { es: '[--demo] [--force] [--if-missing]', en: '[--demo] [--force] [--if-missing]' },
  description: {
    es: 'Crea el libro (--workbook) con las hojas Facturas, Detalle, Pagos, Clientes, Historial, Empresa, Gestiones y Recordatorios, encabezados en castellano y formatos chilenos.',
    en: 'Creates the workbook (--workbook) with the Facturas, Detalle, Pagos, Clientes, Historial, Empresa, Gestiones and Recordatorios tabs, Spanish headers and Chilean formats.',
  },
  options: [
    { name: 'demo', type: 'boolean', help: { es: 'con un año de datos de ejemplo hasta --as-of', en: 'with a year of sample data up to --as-of' } },
    { name: 'force', type: 'boolean', help: { es: 'reemplaza un libro existente', en: 'replaces an existing workbook' } },
    { name: 'if-missing', type: 'boolean', help: { es: 'no hace nada si el libro ya existe', en: 'does nothing when the workbook exists' } },
  ],
  formats: [],
  async run(args, context) {
    const m = messages(context.locale);
    expectPositionals(args, this, { min: 0, max: 0 }, m, context.locale);
    if (args.values['if-missing'] === true && !args.values.force && (await fileExists(context.workbookPath))) {
      context.print(m.alreadyThere(context.workbookPath));
      return EXIT.ok;
    }
    const demo = args.values.demo === true;
    const created = await createWorkbook(context.workbookPath, { demo, today: context.asOf, overwrite: args.values.force === true });
    context.print(demo ? m.createdDemo(context.workbookPath, created.documents) : m.created(context.workbookPath));
    return EXIT.ok;
  },
};
