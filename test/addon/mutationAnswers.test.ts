import fc from 'fast-check';
import { type Cell, TABS, canonicalHeaders, documentKey } from '../../core';
import { generateWorkbookTables } from '../bench/generateDocuments';
import { SidebarData } from '../../sheets-addon/client/sidebarData';
import type { DocumentAnswer, SidebarLoad } from '../../sheets-addon/server/api';
import { FIXTURE_NOW } from './fixtures';
import { type AddonGlobals, asJson, loadAddon } from './loadBundle';

// The sidebar's data (sheets-addon/client/sidebarData.ts) fed with the real bundle's answers, as
// google.script.run would pass them (plain JSON): what it holds after merging each change's
// answer must be what a full reload shows, the opened documents' collections sections included
// (a payment anywhere moves predicted pay dates; a payment keeps a promise).

const TODAY = '2026-10-15';
// 80 documents: four credit notes among them, so voiding a note comes up; Gestiones for promises.
const tables = () => ({ ...generateWorkbookTables({ count: 80, today: TODAY }), [TABS.gestiones.name]: [canonicalHeaders('gestiones')] as Cell[][] });

const load = (context: AddonGlobals): SidebarLoad => asJson(context.loadSidebar());
const open = (context: AddonGlobals, key: string) => {
  const answer = asJson(context.openDocument({ document: key })) as DocumentAnswer;
  if (!answer.ok) throw new Error(`could not open ${key}: ${JSON.stringify(answer.issues)}`);
  return answer;
};

/** Everything the sidebar draws from: the projection read back, the ledger's views and the opened details. */
const seen = (data: SidebarData) => ({
  documents: data.projected.documents,
  paid: data.projected.paid,
  views: data.ledger.views,
  promises: Object.fromEntries([...data.promises].sort(([a], [b]) => a.localeCompare(b))),
  details: Object.fromEntries([...data.details].sort(([a], [b]) => a.localeCompare(b))),
});

type Step =
  | { readonly kind: 'pay'; readonly pick: number; readonly share: number }
  | { readonly kind: 'void'; readonly pick: number; readonly notesOnly: boolean }
  | { readonly kind: 'promise'; readonly pick: number; readonly share: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat(), notesOnly: fc.boolean() }),
  fc.record({ kind: fc.constant('promise' as const), pick: fc.nat(), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
);

describe('a change answers with what it changed, and merging it equals a full reload', () => {
  test('over random sequences of payments, voids of invoices and voids of notes (real bundle in a vm)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (steps, opened) => {
        const { context } = loadAddon({ sheets: tables(), timeZone: 'UTC', now: FIXTURE_NOW });
        const data = new SidebarData(load(context));
        const views = data.ledger.views;
        for (const pick of opened) data.setDetail(open(context, documentKey(views[pick % views.length]!)).detail);

        let merged = 0;
        for (const s of steps) {
          const current = data.ledger.views;
          const owed = current.filter((v) => v.kind === 'invoice' && v.balance > 0 && v.paymentStatus !== 'anulada');
          if (s.kind === 'promise') {
            // Promised on a held document when there is one, so its section is what changes.
            const held = owed.filter((v) => data.details.has(documentKey(v)));
            const pool = held.length > 0 ? held : owed;
            if (pool.length === 0) continue;
            const view = pool[s.pick % pool.length]!;
            const amount = Math.max(1, Math.floor(view.balance * s.share));
            const answer = asJson(context.recordCollection({ document: documentKey(view), action: 'promesa', date: '2026-10-30', amount: String(amount), note: '', held: data.heldKeys() }));
            expect(answer.ok).toBe(true);
            expect(data.merge(answer)).toBe('merged');
          } else if (s.kind === 'pay') {
            if (owed.length === 0) continue;
            const view = owed[s.pick % owed.length]!;
            const amount = Math.max(1, Math.floor(view.balance * s.share));
            const answer = asJson(
              context.recordPayment({
                document: documentKey(view),
                amount: String(amount),
                date: TODAY,
                method: 'Transferencia',
                reference: `P-${merged}`,
                expectedBalance: view.balance,
                held: data.heldKeys(),
              }),
            );
            expect(answer.ok).toBe(true);
            expect(data.merge(answer)).toBe('merged');
          } else {
            const candidates = current.filter((v) => v.state !== 'anulada' && v.paid === 0 && (s.notesOnly ? v.reference !== null : v.reference === null));
            if (candidates.length === 0) continue;
            const view = candidates[s.pick % candidates.length]!;
            const answer = asJson(context.voidDocument({ document: documentKey(view), held: data.heldKeys() }));
            if (!answer.ok) {
              // An invoice with payments on its notes is refused: nothing changed, the version says so.
              expect(answer.version).toBe(data.version);
              continue;
            }
            // A void note answers with the invoice it amends too, whose balance it moved.
            if (view.reference) expect(answer.changes.projection.count).toBe(2);
            expect(data.merge(answer)).toBe('merged');
          }
          merged++;
        }

        const fresh = new SidebarData(load(context));
        for (const key of data.details.keys()) fresh.setDetail(open(context, key).detail);
        expect(seen(data)).toEqual(seen(fresh));
        expect(data.version).toBe(fresh.version);
      }),
      { numRuns: 25 },
    );
  });

  test("an answer's size does not grow with the book", () => {
    const sizeAt = (count: number) => {
      const { context } = loadAddon({ sheets: generateWorkbookTables({ count, today: TODAY }), timeZone: 'UTC', now: FIXTURE_NOW });
      const data = new SidebarData(load(context));
      const view = data.ledger.views.find((v) => v.kind === 'invoice' && v.balance > 1000)!;
      const answer = context.recordPayment({ document: documentKey(view), amount: '1000', date: TODAY, method: 'Transferencia', reference: 'TX-1' });
      expect(answer.ok).toBe(true);
      return JSON.stringify(answer).length;
    };
    const small = sizeAt(50);
    const large = sizeAt(5_000);
    // The same change answers in about the same bytes: only folio and name lengths differ.
    expect(Math.abs(large - small)).toBeLessThan(200);
  });
});

describe("a change behind the sidebar's back is detected and the projection loaded again", () => {
  const owedInvoice = (data: SidebarData) => data.ledger.views.find((v) => v.kind === 'invoice' && v.balance > 1000 && v.paymentStatus !== 'anulada')!;

  test('a hand edit of Estado (the edit trigger counts it): the next answer does not follow, and a reload shows the edit', () => {
    const { context, fakes } = loadAddon({ sheets: tables(), timeZone: 'UTC', now: FIXTURE_NOW });
    const data = new SidebarData(load(context));
    const target = data.ledger.views.find((v) => v.kind === 'invoice' && v.paid === 0 && v.state === 'emitida')!;
    const header = fakes.values('Facturas')[0]!;
    const stateColumn = header.indexOf('Estado') + 1;
    fakes.userEdit('Facturas', target.row, stateColumn, 'Anulada');
    context.onEstadoEdit({ range: fakes.sheetApi('Facturas').getRange(target.row, stateColumn), oldValue: 'Emitida', value: 'Anulada', user: { getEmail: () => 'jefe@example.cl' } });

    expect(asJson(context.checkVersion())).not.toBe(data.version);
    const other = data.ledger.views.find((v) => v.kind === 'invoice' && v.balance > 1000 && v.paymentStatus !== 'anulada' && v.row !== target.row)!;
    const answer = asJson(context.recordPayment({ document: documentKey(other), amount: '1000', date: TODAY, method: 'Cheque', reference: 'CH-1' }));
    expect(answer.ok).toBe(true);
    expect(data.merge(answer)).toBe('stale');

    const reloaded = new SidebarData(load(context));
    expect(reloaded.ledger.byKey(target.type, target.number)!.paymentStatus).toBe('anulada');
    expect(reloaded.ledger.byKey(other.type, other.number)!.paid).toBe(other.paid + 1000);
  });

  test('an edit of another cell of a workbook tab is counted too, and so is a row another tool appends', () => {
    const { context, fakes } = loadAddon({ sheets: tables(), timeZone: 'UTC', now: FIXTURE_NOW });
    const first = new SidebarData(load(context));
    const notesColumn = fakes.values('Facturas')[0]!.indexOf('Notas') + 1;
    fakes.userEdit('Facturas', 2, notesColumn, 'llamar el lunes');
    context.onEstadoEdit({ range: fakes.sheetApi('Facturas').getRange(2, notesColumn), oldValue: '', value: 'llamar el lunes' });
    const afterEdit = asJson(context.checkVersion());
    expect(afterEdit).not.toBe(first.version);

    // The bot writes through the Sheets API: no trigger runs, but Pagos and Historial grow.
    const second = new SidebarData(load(context));
    expect(second.version).toBe(afterEdit);
    const target = owedInvoice(second);
    fakes.sheetApi('Pagos').appendRow([new Date(`${TODAY}T00:00:00.000Z`), target.type, target.number, 500, 'Transferencia', 'slack', 'bot']);
    expect(asJson(context.checkVersion())).not.toBe(second.version);
    const answer = asJson(context.openDocument({ document: documentKey(target) })) as DocumentAnswer;
    expect(answer.version).not.toBe(second.version);
    expect(second.isCurrent(answer.version)).toBe(false);
    const reloaded = new SidebarData(load(context));
    expect(reloaded.ledger.byKey(target.type, target.number)!.paid).toBe(target.paid + 500);
  });

  test('reading changes nothing: the version stays while nobody writes', () => {
    const { context } = loadAddon({ sheets: tables(), timeZone: 'UTC', now: FIXTURE_NOW });
    const data = new SidebarData(load(context));
    expect(asJson(context.checkVersion())).toBe(data.version);
    expect(new SidebarData(load(context)).version).toBe(data.version);
  });
});
