import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHILE, buildLedger, ok, recordPayment } from '../../core';
import { createWorkbook } from '../../core/node/xlsxCreate';
import { loadWorkbookFile } from '../../core/node/xlsxFile';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { workbookTables } from '../../core/node/xlsxTables';
import { createPreviewBridge } from '../../cli/serve/previewBridge';
import { previewMailbox } from '../../cli/serve/previewServices';

const TODAY = '2026-10-15';
const NOW = new Date('2026-10-15T13:00:00.000Z');

describe('facturas serve: the sidebar API over the local workbook', () => {
  let folder: string;
  let file: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'facturas-bridge-'));
    file = path.join(folder, 'facturas.xlsx');
    await createWorkbook(file, { demo: true, today: TODAY });
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('decides again when another process writes between its snapshot and its write', async () => {
    const store = openXlsxStore(file);
    const before = await store.read();
    const target = buildLedger(before.book, TODAY, CHILE).views.find((v) => v.kind === 'invoice' && v.balance > 20_000 && v.paymentStatus !== 'anulada')!;
    const key = `${target.type}-${target.number}`;
    let snapshots = 0;
    const bridge = createPreviewBridge({
      store,
      loadTables: async () => {
        const tables = workbookTables(await loadWorkbookFile(file));
        // The first time, `facturas pay` lands on the same invoice right after the sidebar's snapshot.
        if (snapshots++ === 0) {
          await store.transact((read) => {
            const paid = recordPayment(read, CHILE, {
              document: key,
              amount: 10_000,
              date: TODAY,
              method: 'Cheque',
              reference: 'otro proceso',
              user: 'cli',
              channel: 'cli',
              today: TODAY,
              now: NOW.toISOString(),
            });
            return paid.ok ? ok({ plan: paid.value.plan, outcome: null }) : paid;
          });
        }
        return tables;
      },
      mailbox: previewMailbox(path.join(folder, 'outbox'), () => NOW),
      user: 'contadora',
      timeZone: 'America/Santiago',
      asOf: TODAY,
      now: () => NOW,
    });

    const answer = (await bridge.call('recordPayment', [{ document: key, amount: '10.000', date: TODAY, method: 'Transferencia', reference: 'sidebar' }])) as { ok: boolean };
    expect(answer.ok).toBe(true);
    expect(snapshots).toBe(2);

    const after = await store.read();
    expect(after.book.payments.slice(-2).map((p) => p.reference)).toEqual(['otro proceso', 'sidebar']);
    const ids = after.book.history.slice(-2).map((h) => h.id);
    expect(new Set(ids).size).toBe(2);
    expect(buildLedger(after.book, TODAY, CHILE).byKey(target.type, target.number)!.paid).toBe(target.paid + 20_000);
  });
});
