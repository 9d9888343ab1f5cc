import { z } from 'zod';
import { COLLECTION_ACTION_LABELS, LOGGABLE_ACTIONS, type CollectionAction, collectionEntryJson, ok, parseCollectionAction, recordCollectionNote } from '../../core';
import { expectPositionals } from '../args';
import { type Command, CliError, EXIT } from '../command';
import { collectionMessages } from '../collectionMessages';
import { messages } from '../messages';
import { issuesError, json, warnUnreadable } from '../output';
import { optionalText, requiredOption, validate } from '../schemas';
import { defaultUser, RECORDED_BY_OPTION } from '../user';
import { asOptionIssues } from './pay';

export const command: Command = {
  name: 'log',
  usage: { es: 'RUT|[TIPO-]FOLIO --action llamada|correo|nota --text "…"', en: 'RUT|[TYPE-]NUMBER --action llamada|correo|nota --text "…"' },
  description: {
    es: 'Anota una gestión de cobranza en Gestiones: una llamada, un correo o una nota sobre un cliente (RUT) o uno de sus documentos. Aparece en «facturas show» y en el estado de cuenta.',
    en: 'Logs a collection action in Gestiones: a call (llamada), an email (correo) or a note (nota) about a customer (RUT) or one of its documents. It appears in "facturas show" and in the statement.',
  },
  options: [
    { name: 'action', type: 'string', value: 'A', help: { es: 'llamada, correo o nota', en: 'llamada (call), correo (email) or nota (note)' } },
    { name: 'text', type: 'string', value: 'TEXT', help: { es: 'qué se habló o hizo', en: 'what was said or done' } },
    RECORDED_BY_OPTION,
  ],
  formats: ['table', 'json'],
  async run(args, context) {
    const m = messages(context.locale);
    const c = collectionMessages(context.locale);
    const [target] = expectPositionals(args, this, { min: 1, max: 1 }, m, context.locale);
    const options = validate(z.object({ action: requiredOption('--action', m), text: requiredOption('--text', m), user: optionalText }), args.values, m);
    const action: CollectionAction | null = parseCollectionAction(options.action);
    if (action === null || !LOGGABLE_ACTIONS.includes(action)) throw new CliError([c.badAction(options.action)], EXIT.usage);
    const result = await context.openStore().transact((read) => {
      warnUnreadable(read, context);
      const logged = recordCollectionNote(read, context.profile, {
        target: target!,
        action,
        note: options.text,
        user: options.user || defaultUser(context.io),
        channel: 'cli',
        today: context.asOf,
        now: context.now().toISOString(),
      });
      return logged.ok ? ok({ plan: logged.value.plan, outcome: logged.value }) : logged;
    });
    if (!result.ok) throw issuesError(asOptionIssues(result.issues), context.locale);
    const { entry, document, customerName } = result.value;
    if ((context.format ?? 'table') === 'json') context.print(json({ entry: collectionEntryJson(entry) }));
    else
      context.print(
        c.logged(COLLECTION_ACTION_LABELS[action][context.locale], document ? `${document.type}-${document.number} (${customerName})` : `${customerName} (${entry.customerTaxId})`, entry.id),
      );
    return EXIT.ok;
  },
};
