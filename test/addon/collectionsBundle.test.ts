import { type Cell, TABS, canonicalHeaders } from '../../core';
import { DEMO_CUSTOMERS } from '../../core/demo';
import { asJson, loadAddon } from './loadBundle';
import { FIXTURE_NOW, smallWorkbook } from './fixtures';

const withGestiones = () => ({ ...smallWorkbook(), [TABS.gestiones.name]: [canonicalHeaders('gestiones')] as Cell[][] });

describe('the collections functions of dist/Code.js in the Apps Script vm', () => {
  it('records a promise from the detail, answers with the changed section and a version step, and the next open shows it', () => {
    const { context, fakes } = loadAddon({ sheets: withGestiones(), now: FIXTURE_NOW });
    const opened = asJson(context.openDocument({ document: '33-1002' }));
    expect(opened.detail.sections.collections).toEqual({ promise: null, collectionLog: [], predictedPayDate: expect.any(String) });

    const answer = asJson(context.recordCollection({ document: '33-1002', action: 'promesa', date: '2026-10-20', amount: '50.000', note: 'Paga el martes', held: ['33-1002'] }));
    expect(answer.ok).toBe(true);
    expect(answer.value.key).toBe('33-1002');
    expect(answer.value.id).toBe('G-00001');
    expect(answer.changes.sections['33-1002'].collections.promise).toEqual({ date: '2026-10-20', amount: 50000, status: 'open' });
    expect(answer.version.before).toBe(opened.version);
    expect(answer.version.after).not.toBe(answer.version.before);
    const rows = fakes.values(TABS.gestiones.name);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(['G-00001', 'promesa', 50000, 'Paga el martes', 'sidebar']));

    const call = asJson(context.recordCollection({ document: '33-1002', action: 'llamada', note: 'No contesta', held: ['33-1002'] }));
    expect(call.changes.sections['33-1002'].collections.collectionLog.map((e: { action: string }) => e.action)).toEqual(['promise', 'call']);
    const again = asJson(context.openDocument({ document: '33-1002' }));
    expect(again.detail.sections.collections.collectionLog.map((e: { id: string; note: string }) => [e.id, e.note])).toEqual([
      ['G-00001', 'Paga el martes'],
      ['G-00002', 'No contesta'],
    ]);
    expect(again.version).toBe(call.version.after);
  });

  it('refuses with core reasons and writes nothing: a past date, more than the balance, a missing date, a call without text', () => {
    const { context, fakes } = loadAddon({ sheets: withGestiones(), now: FIXTURE_NOW });
    const codes = (input: Record<string, string>) => asJson(context.recordCollection(input)).issues.map((i: { code: string }) => i.code);
    expect(codes({ document: '33-1002', action: 'promesa', date: '2026-10-01' })).toEqual(['promiseDateInPast']);
    expect(codes({ document: '33-1002', action: 'promesa', date: '2026-10-20', amount: '70.000' })).toEqual(['amountExceedsBalance']);
    expect(codes({ document: '33-1002', action: 'promesa' })).toEqual(['required']);
    expect(codes({ document: '33-1002', action: 'llamada', note: ' ' })).toEqual(['required']);
    expect(codes({ document: '33-1002', action: 'correo masivo', note: 'x' })).toHaveLength(1);
    expect(fakes.values(TABS.gestiones.name)).toHaveLength(1);
  });

  it('says the Gestiones tab is missing in a workbook made before it', () => {
    const { context, fakes } = loadAddon({ sheets: smallWorkbook(), now: FIXTURE_NOW });
    const answer = asJson(context.recordCollection({ document: '33-1002', action: 'nota', note: 'Pide copia' }));
    expect(answer.issues.map((i: { code: string }) => i.code)).toEqual(['missingCollectionsTab']);
    expect(fakes.writes).toEqual([]);
  });

  it("answers this month's KPIs as core computes them, and refuses a bad period", () => {
    const { context } = loadAddon({ sheets: withGestiones(), now: FIXTURE_NOW });
    const kpis = asJson(context.collectionKpis({}));
    expect(kpis.ok).toBe(true);
    expect(kpis.value.period).toBe('2026-10');
    expect(kpis.value.topDebtors.map((d: { taxId: string; balance: number }) => d.balance)).toEqual([297500, 69000]);
    expect(typeof kpis.value.over90Share).toBe('number');
    expect(asJson(context.collectionKpis({ period: '2026-13' })).issues[0].code).toBe('invalidPeriod');
  });

  it("answers a customer's statement as of today from one read: opening, movements with running balance, closing, ageing; writes nothing", () => {
    const { context, fakes } = loadAddon({ sheets: withGestiones(), now: FIXTURE_NOW });
    const sur = DEMO_CUSTOMERS[1]!;
    const answer = asJson(context.customerStatement({ customer: sur.taxId }));
    expect(answer.ok).toBe(true);
    const statement = answer.value;
    expect(statement).toMatchObject({ customerTaxId: sur.taxId, currency: 'CLP', from: '2026-09-01', to: '2026-10-15', openingBalance: 0, closingBalance: 69000 });
    expect(statement.movements.map((m: { date: string; kind: string; amount: number; balance: number }) => [m.date, m.kind, m.amount, m.balance])).toEqual([
      ['2026-09-01', 'invoice', 119000, 119000],
      ['2026-09-15', 'payment', -50000, 69000],
    ]);
    expect(statement.aging).toMatchObject({ days1to30: 69000, notDue: 0, total: 69000, overdue: 69000 });
    expect(fakes.writes).toEqual([]);
    expect(asJson(context.customerStatement({ customer: ' ' })).issues).toHaveLength(1);
  });

  it("previews today's reminders as core plans them, with the mail quota, and neither sends nor logs anything", () => {
    const { context, fakes } = loadAddon({ sheets: withGestiones(), now: FIXTURE_NOW });
    const sur = DEMO_CUSTOMERS[1]!;
    const answer = asJson(context.reminderPreview());
    expect(answer.ok).toBe(true);
    expect(answer.value.mailQuota).toBe(100);
    expect(answer.value.run.asOf).toBe('2026-10-15');
    expect(
      answer.value.run.reminders.map((r: { customerTaxId: string; documents: { number: number; step: number; balance: number }[] }) => [
        r.customerTaxId,
        r.documents.map((d) => [d.number, d.step, d.balance]),
      ]),
    ).toEqual([[sur.taxId, [[1002, 15, 69000]]]]);
    expect(fakes.writes).toEqual([]);
    expect(fakes.values(TABS.gestiones.name)).toHaveLength(1);
  });
});
