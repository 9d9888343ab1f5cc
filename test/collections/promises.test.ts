import { CHILE, buildLedger, formatIssue, promiseIndex, recordPromise, searchLedger } from '../../core';
import { ACME, BETA, type GestionRow, type PaymentRow, cleanRead, workbookRead } from './collectionsFixture';

const INVOICES = [
  [33, 100, '2026-10-01', '2026-10-31', ACME, 'Acme Ltda', 119000],
  [33, 101, '2026-10-01', '2026-10-31', ACME, 'Acme Ltda', 119000, 'Anulada'],
  [33, 102, '2026-09-01', '2026-09-30', BETA, 'Beta SpA', 59500],
  [61, 601, '2026-10-05', '2026-10-05', ACME, 'Acme Ltda', 11900, 'Emitida', '33-100'],
] as const;

/** A promise made on 10-10 to pay $50.000 of 33-100 by 10-20, and the status it has as of a date given these payments. */
const statusOf = (payments: readonly PaymentRow[], asOf: string, promise: GestionRow = ['G-00001', '2026-10-10', ACME, 33, 100, 'promesa', '2026-10-20', 50000]) => {
  const read = cleanRead({ invoices: INVOICES, payments, gestiones: [promise] });
  return promiseIndex(read.book, asOf).promiseOf({ type: 33, number: 100 })?.status;
};

describe('a promise to pay, as of a date', () => {
  it.each<[string, PaymentRow[], string, string]>([
    ['is open while nothing is paid and its date has not passed', [], '2026-10-15', 'open'],
    ['is still open on the promised day itself', [], '2026-10-20', 'open'],
    ['is broken the day after its date without the money', [], '2026-10-21', 'broken'],
    ['is kept once one payment covers it', [['2026-10-18', 33, 100, 50000]], '2026-10-18', 'kept'],
    ['stays kept after its date', [['2026-10-18', 33, 100, 50000]], '2026-11-30', 'kept'],
    [
      'is kept by several payments that add up',
      [
        ['2026-10-12', 33, 100, 30000],
        ['2026-10-20', 33, 100, 20000],
      ],
      '2026-10-25',
      'kept',
    ],
    ['counts a payment made on the day the promise was made', [['2026-10-10', 33, 100, 50000]], '2026-10-25', 'kept'],
    ['is broken when only part arrived by the date', [['2026-10-19', 33, 100, 49999]], '2026-10-21', 'broken'],
    ['does not count a payment made before the promise', [['2026-10-09', 33, 100, 50000]], '2026-10-21', 'broken'],
    ['does not count a payment after the promised date', [['2026-10-21', 33, 100, 50000]], '2026-10-22', 'broken'],
    ['does not count a payment the as-of date does not know yet', [['2026-10-18', 33, 100, 50000]], '2026-10-17', 'open'],
    ['does not count payments on other documents', [['2026-10-18', 33, 102, 50000]], '2026-10-21', 'broken'],
  ])('%s', (_name, payments, asOf, expected) => {
    expect(statusOf(payments, asOf)).toBe(expected);
  });

  it('is replaced by a newer promise on the same document', () => {
    const read = cleanRead({
      invoices: INVOICES,
      gestiones: [
        ['G-00001', '2026-10-01', ACME, 33, 100, 'promesa', '2026-10-05', 119000],
        ['G-00002', '2026-10-06', ACME, 33, 100, 'promesa', '2026-11-05', 60000],
      ],
    });
    expect(promiseIndex(read.book, '2026-10-10').promiseOf({ type: 33, number: 100 })).toMatchObject({ id: 'G-00002', date: '2026-11-05', amount: 60000, status: 'open' });
    // Before the renegotiation the first promise was the one in force, and already broken.
    expect(promiseIndex(read.book, '2026-10-06').promiseOf({ type: 33, number: 100 })).toMatchObject({ id: 'G-00002' });
    expect(promiseIndex(read.book, '2026-10-05').promiseOf({ type: 33, number: 100 })).toMatchObject({ id: 'G-00001', status: 'open' });
    expect(promiseIndex(read.book, '2026-10-05').promiseOf({ type: 33, number: 102 })).toBeNull();
  });

  it('is searchable as promesa:vigente|incumplida|cumplida and promise:open|broken|kept', () => {
    const read = cleanRead({
      invoices: [...INVOICES, [33, 103, '2026-10-01', '2026-10-31', BETA, 'Beta SpA', 23800], [33, 104, '2026-10-01', '2026-10-31', BETA, 'Beta SpA', 23800]],
      payments: [['2026-10-12', 33, 103, 23800]],
      gestiones: [
        ['G-00001', '2026-10-10', ACME, 33, 100, 'promesa', '2026-10-12', 1000],
        ['G-00002', '2026-10-10', BETA, 33, 103, 'promesa', '2026-10-14', 23800],
        ['G-00003', '2026-10-10', BETA, 33, 104, 'promesa', '2026-10-30', 23800],
        ['G-00004', '2026-10-10', BETA, 33, 102, 'llamada', '', '', 'no contesta'],
      ],
    });
    const ledger = buildLedger(read.book, '2026-10-15', CHILE);
    const folios = (query: string) => {
      const page = searchLedger(ledger, query);
      if (!page.ok) throw new Error(JSON.stringify(page.issues));
      return page.value.items.map((v) => v.number).sort();
    };
    expect(folios('promesa:incumplida')).toEqual([100]);
    expect(folios('promise:kept')).toEqual([103]);
    expect(folios('promesa:vigente')).toEqual([104]);
    expect(folios('promise:open,broken')).toEqual([100, 104]);
    expect(folios('beta promesa:cumplida,vigente')).toEqual([103, 104]);
    const bad = searchLedger(ledger, 'promesa:quizas');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(formatIssue(bad.issues[0]!)).toBe('«promesa:quizas»: «quizas» no es válido; use vigente, incumplida o cumplida');
  });
});

describe('recording a promise', () => {
  const request = { date: '2026-10-20', note: 'habló con Juan', user: 'ana', channel: 'cli' as const, today: '2026-10-15', now: '2026-10-15T15:00:00.000Z' };
  const read = () =>
    cleanRead({
      invoices: INVOICES,
      payments: [
        ['2026-10-02', 33, 100, 19000],
        ['2026-09-15', 33, 102, 59500],
      ],
      gestiones: [['G-00007', '2026-10-01', ACME, '', '', 'nota', '', '', 'cliente nuevo']],
    });

  it('plans one Gestiones row with the next id, the balance as the default amount', () => {
    const result = recordPromise(read(), CHILE, { ...request, document: '100' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.entry).toMatchObject({
      id: 'G-00008',
      date: '2026-10-15',
      customerTaxId: ACME,
      document: { type: 33, number: 100 },
      action: 'promesa',
      promisedDate: '2026-10-20',
      promisedAmount: 88100,
      row: 3,
    });
    expect(result.value.plan.updates).toEqual([]);
    expect(result.value.plan.appends).toEqual([
      {
        tab: 'gestiones',
        values: ['G-00008', { date: '2026-10-15' }, { instant: '2026-10-15T15:00:00.000Z' }, ACME, 33, 100, 'promesa', { date: '2026-10-20' }, 88100, 'habló con Juan', 'ana', 'cli'],
      },
    ]);
  });

  it('takes a smaller amount and a promise for today', () => {
    const result = recordPromise(read(), CHILE, { ...request, document: '33-100', amount: 40000, date: '2026-10-15' });
    expect(result.ok && result.value.entry.promisedAmount).toBe(40000);
  });

  it.each<[string, Partial<Parameters<typeof recordPromise>[2]> & { document: string }, string]>([
    ['an unknown document', { document: '33-999' }, 'No existe el documento «33-999»'],
    ['a void document', { document: '33-101' }, '33-101 está anulada; no se cobra'],
    ['a paid document', { document: '33-102' }, '33-102 ya está pagada; no hay saldo que comprometer'],
    ['a note', { document: '61-601' }, '61-601 es una nota; registre la promesa en 33-100, el documento que modifica'],
    ['a date before today', { document: '100', date: '2026-10-14' }, 'Fecha: la fecha comprometida 14-10-2026 es anterior a hoy (15-10-2026)'],
    ['a zero amount', { document: '100', amount: 0 }, 'Monto: el monto «0» debe ser mayor que cero'],
    ['a negative amount', { document: '100', amount: -5 }, 'Monto: el monto «-5» debe ser mayor que cero'],
    ['more than the balance', { document: '100', amount: 88101 }, 'Monto: el monto $88.101 supera el saldo de 33-100 ($88.100)'],
  ])('refuses %s, planning nothing', (_name, change, message) => {
    const result = recordPromise(read(), CHILE, { ...request, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => formatIssue(i))).toEqual([message]);
  });

  it('refuses when the workbook has no Gestiones tab', () => {
    const result = recordPromise(workbookRead({ invoices: INVOICES, gestiones: null }), CHILE, { ...request, document: '100' });
    expect(!result.ok && formatIssue(result.issues[0]!, 'en')).toBe('Collections: the Gestiones sheet is missing; use "Set up workbook" (or facturas init on a new workbook) to create it');
  });
});

describe('the Gestiones tab is read like every tab', () => {
  it('names the tab, row and column of each unreadable row and keeps the rest', () => {
    const read = workbookRead({
      invoices: INVOICES,
      gestiones: [
        ['G-00001', '2026-10-01', ACME, 33, 100, 'llamada', '', '', 'ok'],
        ['G-00002', '2026-13-01', ACME, 33, 100, 'llamada'],
        ['G-00003', '2026-10-01', ACME, 33, 999, 'nota'],
        ['G-00004', '2026-10-01', ACME, 33, 100, 'visita'],
        ['G-00005', '2026-10-01', ACME, 33, 100, 'promesa', '', 1000],
        ['G-00006', '2026-10-01', BETA, 33, 100, 'nota'],
        ['G-00007', '2026-10-01', '76.086.428-4', '', '', 'nota'],
        ['G-00008', '2026-10-01', ACME, 33, 100, 'promesa', '2026-10-09', 'mil'],
      ],
    });
    expect(read.book.collections?.map((e) => e.id)).toEqual(['G-00001']);
    expect(read.issues.map((i) => formatIssue(i))).toEqual([
      'Gestiones, fila 3, columna Fecha: «2026-13-01» no es una fecha válida (use AAAA-MM-DD o DD-MM-AAAA)',
      'Gestiones, fila 4, columna Folio: «33-999» no corresponde a ningún documento',
      'Gestiones, fila 5, columna Acción: «visita» no es un valor permitido (llamada, correo, nota, promesa, recordatorio)',
      'Gestiones, fila 6, columna Fecha compromiso: está vacío y es obligatorio',
      `Gestiones, fila 7, columna RUT: «${BETA}» no es el RUT de 33-100 (${ACME})`,
      'Gestiones, fila 8, columna RUT: «76.086.428-4» tiene el dígito verificador incorrecto',
      'Gestiones, fila 9, columna Monto comprometido: «mil» no es un monto válido (use p. ej. 297500 o 297.500)',
    ]);
  });

  it('is optional: a workbook without it reads with no issue and no entries', () => {
    const read = workbookRead({ invoices: INVOICES, gestiones: null });
    expect(read.issues).toEqual([]);
    expect(read.book.collections).toBeUndefined();
  });
});
