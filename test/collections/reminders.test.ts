import { CHILE, addDays, planReminders, readWorkbook, reminderLogPlan, type Cell } from '../../core';
import { ACME, BETA, type FixtureOptions, appendRows, fixtureTables } from './collectionsFixture';

const GAMMA = '12.531.909-2';
const DELTA = '9.123.456-4';

/**
 * October 2026. Acme (pagos@acme.cl in Clientes) owes 33-1 (due 5 Oct, paid off on 15 Oct), 33-2
 * (due 20 Sep) and 33-6 (due 13 Oct). Beta has no email in Clientes but its latest document has one;
 * it owes 33-3 (due 10 Oct) and on 9 Oct promised to pay it by the 16th, and did not. Gamma said
 * Recordatorios: no. Delta has no email anywhere.
 */
const MONTH: FixtureOptions = {
  invoices: [
    [33, 1, '2026-09-05', '2026-10-05', ACME, 'Acme Ltda', 119000],
    [33, 2, '2026-08-21', '2026-09-20', ACME, 'Acme Ltda', 59500],
    [33, 6, '2026-09-13', '2026-10-13', ACME, 'Acme Ltda', 11900],
    [33, 3, '2026-09-10', '2026-10-10', BETA, 'Beta SpA', 23800, 'Emitida', '', 'cxp@beta.cl'],
    [33, 4, '2026-09-01', '2026-10-01', GAMMA, 'Gamma Ltda', 11900, 'Emitida', '', 'gamma@example.cl'],
    [33, 5, '2026-09-20', '2026-10-20', DELTA, 'Delta Persona', 11900],
  ],
  payments: [['2026-10-15', 33, 1, 119000]],
  gestiones: [['G-00001', '2026-10-09', BETA, 33, 3, 'promesa', '2026-10-16', 23800, 'pagará el viernes']],
  clientes: [
    [ACME, 'Acme Ltda', 'Empresa', '', '', '', 'pagos@acme.cl', '', '', ''],
    [BETA, 'Beta SpA', 'Empresa', '', '', '', '', '', '', 'sí'],
    [GAMMA, 'Gamma Ltda', 'Empresa', '', '', '', 'gamma@example.cl', '', '', 'no'],
  ],
};

type Sent = [date: string, customer: string, email: string, documents: string[]];

/** Runs the reminders every day from `from` to `to`, logging each day's sends before the next day, like the real faces. */
function runDaily(options: FixtureOptions, from: string, to: string, tables: Record<string, Cell[][]> = fixtureTables(options)) {
  const sent: Sent[] = [];
  const skipped: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const read = readWorkbook(tables, { profile: CHILE, timeZone: 'UTC' });
    expect(read.issues).toEqual([]);
    const run = planReminders(read.book, CHILE, day, { locale: 'es' });
    for (const r of run.reminders) sent.push([day, r.customerName, r.email, r.documents.map((d) => `${d.type}-${d.number}:${d.step}`)]);
    for (const s of run.skipped) skipped.push(`${day} ${s.customerTaxId}${s.type ? ` ${s.type}-${s.number}` : ''} ${s.reason}`);
    const log = reminderLogPlan(read, run.reminders, { user: 'robot', channel: 'cli', today: day, now: `${day}T12:00:00.000Z` });
    if (!log.ok) throw new Error(JSON.stringify(log.issues));
    appendRows(tables, read, log.value);
  }
  return { sent, skipped, tables };
}

describe('reminders over a month', () => {
  it('send each step once, only the highest reached, respecting promises and opt-outs', () => {
    const { sent, skipped, tables } = runDaily(MONTH, '2026-10-01', '2026-10-31');
    expect(sent).toEqual<Sent[]>([
      ['2026-10-01', 'Acme Ltda', 'pagos@acme.cl', ['33-2:7']], // 11 days late on the first run: 1 is skipped for 7
      ['2026-10-02', 'Acme Ltda', 'pagos@acme.cl', ['33-1:-3']],
      ['2026-10-05', 'Acme Ltda', 'pagos@acme.cl', ['33-2:15']],
      ['2026-10-06', 'Acme Ltda', 'pagos@acme.cl', ['33-1:1']],
      ['2026-10-07', 'Beta SpA', 'cxp@beta.cl', ['33-3:-3']], // the Email of its latest document
      ['2026-10-10', 'Acme Ltda', 'pagos@acme.cl', ['33-6:-3']],
      ['2026-10-12', 'Acme Ltda', 'pagos@acme.cl', ['33-1:7']],
      ['2026-10-14', 'Acme Ltda', 'pagos@acme.cl', ['33-6:1']],
      ['2026-10-17', 'Beta SpA', 'cxp@beta.cl', ['33-3:7']], // the promise broke on the 16th: step 1 is never sent, 7 is
      ['2026-10-20', 'Acme Ltda', 'pagos@acme.cl', ['33-2:30', '33-6:7']], // 33-1 was paid on the 15th: no step 15 for it
      ['2026-10-25', 'Beta SpA', 'cxp@beta.cl', ['33-3:15']],
      ['2026-10-28', 'Acme Ltda', 'pagos@acme.cl', ['33-6:15']],
    ]);
    const days = (suffix: string) => skipped.filter((s) => s.endsWith(suffix)).map((s) => s.slice(0, 10));
    expect(days(`${BETA} 33-3 openPromise`)).toEqual(['2026-10-11', '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16']);
    expect(days(`${GAMMA} optedOut`)).toHaveLength(31);
    expect(days(`${DELTA} noEmail`)).toEqual(Array.from({ length: 15 }, (_, i) => addDays('2026-10-17', i)));
    expect(skipped).toHaveLength(6 + 31 + 15);
    // Every send is in Gestiones: one recordatorio row per document, the step in Nota.
    const log = tables.Gestiones!.slice(2).map((row) => [row[0], row[1], row[4], row[5], row[6], row[9]]);
    expect(log[0]).toEqual(['G-00002', '2026-10-01', 33, 2, 'recordatorio', 'paso 7 · pagos@acme.cl']);
    expect(log).toHaveLength(13);
    expect(log.at(-1)).toEqual(['G-00014', '2026-10-28', 33, 6, 'recordatorio', 'paso 15 · pagos@acme.cl']);
  });

  it('write the message from the step text with the customer, documents, balance and company filled in', () => {
    const tables = fixtureTables({
      ...MONTH,
      recordatorios: [
        [-3, '', ''],
        [10, 'Aviso de {empresa}', 'Hola {cliente}, debe {saldo}:\n{documentos}'],
      ],
    });
    tables.Empresa = [
      ['Campo', 'Valor'],
      ['Razón social', 'Ferretería Central SpA'],
    ];
    const read = readWorkbook(tables, { profile: CHILE, timeZone: 'UTC' });
    const run = planReminders(read.book, CHILE, '2026-10-20', { locale: 'es' });
    const acme = run.reminders.find((r) => r.customerTaxId === ACME)!;
    expect(acme.subject).toBe('Aviso de Ferretería Central SpA');
    expect(acme.body).toBe(
      'Hola Acme Ltda, debe $71.400:\n' +
        '- Factura electrónica N° 2: venció el 20-09-2026 (30 días de atraso), saldo $59.500\n' +
        '- Factura electrónica N° 6: venció el 13-10-2026 (7 días de atraso), saldo $11.900',
    );
    expect(acme.documents.map((d) => d.step)).toEqual([10, -3]);
    // A step without its own text uses the default one.
    const before = planReminders(read.book, CHILE, '2026-10-07', { locale: 'en' }).reminders.find((r) => r.customerTaxId === BETA)!;
    expect(before.subject).toBe('Reminder: documents falling due — Ferretería Central SpA');
  });
});
