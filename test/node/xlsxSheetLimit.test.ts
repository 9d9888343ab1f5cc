import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHILE, buildLedger, readWorkbook, recordPayment } from '../../core';
import { createWorkbook } from '../../core/node/xlsxCreate';
import { openXlsxPackage, readPackageTables } from '../../core/node/xlsxRead';
import { SheetTooLargeError, applyPlan } from '../../core/node/xlsxWrite';
import { messages } from '../../cli/messages';

// Node cannot hold a string longer than about 512 MiB, and a sheet is patched as text: a sheet
// beyond that (some 800,000 rows) is refused by name before anything is written, not a crash.

const TODAY = '2026-10-15';

test('a sheet too large to rewrite is refused by name, with a message that says what to do', async () => {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'facturas-sheet-limit-'));
  try {
    const file = path.join(folder, 'facturas.xlsx');
    await createWorkbook(file, { demo: true, today: TODAY });
    const pkg = await openXlsxPackage(file);
    const read = readWorkbook(await readPackageTables(pkg), { profile: CHILE, timeZone: 'America/Santiago' });
    const owed = buildLedger(read.book, TODAY, CHILE).views.find((v) => v.type === 33 && v.balance > 1000 && v.paymentStatus !== 'anulada')!;
    const planned = recordPayment(read, CHILE, {
      document: `${owed.type}-${owed.number}`,
      amount: 1000,
      date: TODAY,
      method: 'Transferencia',
      reference: '',
      user: 'test',
      channel: 'cli',
      today: TODAY,
      now: `${TODAY}T12:00:00.000Z`,
    });
    if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
    const within = await applyPlan(pkg, read.layout, planned.value.plan, new Date());
    expect(within.length).toBeGreaterThan(0);
    const refused = applyPlan(pkg, read.layout, planned.value.plan, new Date(), { maxSheetBytes: 1000 });
    await expect(refused).rejects.toBeInstanceOf(SheetTooLargeError);
    await expect(refused).rejects.toMatchObject({ sheet: 'Facturas' });
    expect(messages('es').sheetTooLarge('Facturas', 640 * 2 ** 20)).toBe(
      'La hoja Facturas tiene 640 MiB de XML, más de lo que se puede reescribir (512 MiB, unas 800.000 filas); no se escribió nada. Divida el libro, por ejemplo un archivo por año.',
    );
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
});
