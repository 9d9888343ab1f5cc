import { z } from 'zod';
import { documentKey, invoiceJson, ok, voidDocument } from '../../core';
import { expectPositionals } from '../args';
import { type Command, EXIT } from '../command';
import { messages } from '../messages';
import { issuesError, json, statusLabel, warnUnreadable } from '../output';
import { optionalText, validate } from '../schemas';
import { defaultUser } from '../user';

export const command: Command = {
  name: 'void',
  usage: { es: '[TIPO-]FOLIO [--user USUARIO]', en: '[TYPE-]NUMBER [--user USER]' },
  description: {
    es: 'Anula un documento: cambia su Estado a Anulada, actualiza sus columnas derivadas y agrega una fila a Historial.',
    en: 'Voids a document: sets its Estado to Anulada, refreshes its derived columns and appends a row to Historial.',
  },
  options: [
    { name: 'user', type: 'string', value: 'U', help: { es: 'quién anula (por defecto FACTURAS_USER o el usuario del sistema)', en: 'who voids it (default FACTURAS_USER or the system user)' } },
  ],
  formats: ['table', 'json'],
  async run(args, context) {
    const m = messages(context.locale);
    const [key] = expectPositionals(args, this, { min: 1, max: 1 }, m, context.locale);
    const options = validate(z.object({ user: optionalText }), args.values, m);
    const result = await context.openStore().transact((read) => {
      warnUnreadable(read, context);
      const voided = voidDocument(read, context.profile, {
        document: key!,
        user: options.user || defaultUser(context.io),
        channel: 'cli',
        today: context.asOf,
        now: context.now().toISOString(),
      });
      return voided.ok ? ok({ plan: voided.value.plan, outcome: voided.value }) : voided;
    });
    if (!result.ok) throw issuesError(result.issues, context.locale);
    const { before, after } = result.value;
    if ((context.format ?? 'table') === 'json') context.print(json({ before: invoiceJson(before), after: invoiceJson(after) }));
    else context.print(m.voided(documentKey(after), after.customerName, statusLabel(before, context.locale)));
    return EXIT.ok;
  },
};
