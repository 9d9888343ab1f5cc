import { z } from 'zod';
import { buildLedger, collectionEntryJson, fail, findDocument, formatDateCl, formatMoney, issue, ok, parseAmountCell, recordPromise } from '../../core';
import { expectPositionals } from '../args';
import { type Command, EXIT } from '../command';
import { collectionMessages } from '../collectionMessages';
import { messages } from '../messages';
import { issuesError, json, warnUnreadable } from '../output';
import { isoDateOption, optionalText, requiredOption, validate } from '../schemas';
import { defaultUser, RECORDED_BY_OPTION } from '../user';
import { asOptionIssues } from './pay';

export const command: Command = {
  name: 'promise',
  usage: { es: '[TIPO-]FOLIO --date AAAA-MM-DD [--amount N] [--note TEXTO]', en: '[TYPE-]NUMBER --date YYYY-MM-DD [--amount N] [--note TEXT]' },
  description: {
    es: 'Registra en Gestiones la promesa de pago de un cliente: pagará --amount (por defecto todo el saldo) a más tardar el --date. Rechaza documentos inexistentes, anulados, pagados y notas, fechas pasadas y montos no positivos o mayores que el saldo.',
    en: "Records a customer's promise to pay in Gestiones: they will pay --amount (default the whole balance) by --date. Refuses unknown, void and paid documents and notes, past dates and amounts not positive or above the balance.",
  },
  options: [
    { name: 'date', type: 'string', value: 'YYYY-MM-DD', help: { es: 'fecha comprometida', en: 'promised date' } },
    { name: 'amount', type: 'string', value: 'N', help: { es: 'monto comprometido (por defecto el saldo)', en: 'promised amount (default the balance)' } },
    { name: 'note', type: 'string', value: 'TEXT', help: { es: 'nota, p. ej. con quién se habló', en: 'note, e.g. who you spoke to' } },
    RECORDED_BY_OPTION,
  ],
  formats: ['table', 'json'],
  async run(args, context) {
    const m = messages(context.locale);
    const c = collectionMessages(context.locale);
    const [key] = expectPositionals(args, this, { min: 1, max: 1 }, m, context.locale);
    const options = validate(z.object({ date: requiredOption('--date', m).pipe(isoDateOption('--date', m)), amount: z.string().optional(), note: optionalText, user: optionalText }), args.values, m);
    const result = await context.openStore().transact((read) => {
      warnUnreadable(read, context);
      let amount: number | undefined;
      if (options.amount !== undefined) {
        const found = findDocument(buildLedger(read.book, context.asOf, context.profile), key!);
        const parsed = parseAmountCell(options.amount, found.ok ? found.value.currency : context.profile.defaultCurrency);
        if (parsed === null) return fail(issue('invalidNumber', { field: 'amount' }, { value: options.amount }));
        amount = parsed;
      }
      const promise = recordPromise(read, context.profile, {
        document: key!,
        date: options.date,
        ...(amount === undefined ? {} : { amount }),
        note: options.note,
        user: options.user || defaultUser(context.io),
        channel: 'cli',
        today: context.asOf,
        now: context.now().toISOString(),
      });
      return promise.ok ? ok({ plan: promise.value.plan, outcome: promise.value }) : promise;
    });
    if (!result.ok) throw issuesError(asOptionIssues(result.issues), context.locale);
    const { entry, document } = result.value;
    if ((context.format ?? 'table') === 'json') context.print(json({ entry: collectionEntryJson(entry), promise: { date: entry.promisedDate, amount: entry.promisedAmount, status: 'open' } }));
    else context.print(c.promised(`${document!.type}-${document!.number}`, document!.customerName, formatMoney(entry.promisedAmount!, document!.currency), formatDateCl(entry.promisedDate), entry.id));
    return EXIT.ok;
  },
};
