import { z } from 'zod';
import { type Issue, documentKey, formatMoney, invoiceJson, ok, recordTypedPayment } from '../../core';
import { expectPositionals } from '../args';
import { type Command, EXIT } from '../command';
import { messages } from '../messages';
import { issuesError, json, statusLabel, warnUnreadable } from '../output';
import { amountOption, isoDateOption, optionalText, validate } from '../schemas';
import { defaultUser, RECORDED_BY_OPTION } from '../user';

/** Core names form fields (`amount`); here they are options. */
export const asOptionIssues = (issues: readonly Issue[]): Issue[] => issues.map((i) => (i.path.field ? { ...i, path: { ...i.path, field: `--${i.path.field}` } } : i));

export const command: Command = {
  name: 'pay',
  usage: {
    es: '[TIPO-]FOLIO --amount N [--date AAAA-MM-DD] [--method MEDIO] [--ref REFERENCIA] [--user USUARIO]',
    en: '[TYPE-]NUMBER --amount N [--date YYYY-MM-DD] [--method METHOD] [--ref REFERENCE] [--user USER]',
  },
  description: {
    es: 'Registra un pago: agrega una fila a Pagos y otra a Historial y actualiza Pagado, Saldo y Estado de pago. Rechaza documentos inexistentes o anulados, montos no positivos y montos mayores que el saldo.',
    en: 'Records a payment: appends a row to Pagos and one to Historial and refreshes Pagado, Saldo and Estado de pago. Refuses unknown or void documents, non-positive amounts and amounts above the balance.',
  },
  options: [
    { name: 'amount', type: 'string', value: 'N', help: { es: 'monto pagado, p. ej. 297500 o 297.500', en: 'amount paid, e.g. 297500 or 297.500' } },
    { name: 'date', type: 'string', value: 'YYYY-MM-DD', help: { es: 'fecha del pago (por defecto --as-of, hoy)', en: 'payment date (default --as-of, today)' } },
    { name: 'method', type: 'string', value: 'M', help: { es: 'medio: Transferencia, Cheque, Efectivo...', en: 'method: Transferencia, Cheque, Efectivo...' } },
    { name: 'ref', type: 'string', value: 'R', help: { es: 'referencia: número de transferencia o cheque', en: 'reference: transfer or cheque number' } },
    RECORDED_BY_OPTION,
  ],
  formats: ['table', 'json'],
  async run(args, context) {
    const m = messages(context.locale);
    const [key] = expectPositionals(args, this, { min: 1, max: 1 }, m, context.locale);
    const options = validate(z.object({ amount: amountOption(m), date: isoDateOption('--date', m).optional(), method: optionalText, ref: optionalText, user: optionalText }), args.values, m);
    const result = await context.openStore().transact((read) => {
      warnUnreadable(read, context);
      const payment = recordTypedPayment(
        read,
        context.profile,
        { document: key!, amount: options.amount, date: options.date ?? '', method: options.method, reference: options.ref },
        { user: options.user || defaultUser(context.io), channel: 'cli', today: context.asOf, now: context.now().toISOString() },
      );
      return payment.ok ? ok({ plan: payment.value.plan, outcome: { ...payment.value, amount: payment.value.request.amount, date: payment.value.request.date } }) : payment;
    });
    if (!result.ok) throw issuesError(asOptionIssues(result.issues), context.locale);
    const { before, after, amount, date, request } = result.value;
    if ((context.format ?? 'table') === 'json') {
      context.print(
        json({ payment: { type: after.type, number: after.number, date, amount, method: request.method, reference: request.reference }, before: invoiceJson(before), after: invoiceJson(after) }),
      );
    } else {
      context.print(
        m.paid(
          formatMoney(amount, after.currency),
          documentKey(after),
          after.customerName,
          formatMoney(after.balance, after.currency),
          statusLabel(before, context.locale),
          statusLabel(after, context.locale),
        ),
      );
    }
    return EXIT.ok;
  },
};
