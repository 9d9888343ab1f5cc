import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHILE, buildLedger, documentKey, formatMoney, planReminders } from '../../core';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { type ServedSidebar, eventually, expectFitsSidebar, openServedDemoSidebar } from './serveProcess';
import { pdfText } from '../node/pdfText';

const TODAY = '2026-10-15';

describe('collections in the sidebar, in Chromium against facturas serve', () => {
  let served: ServedSidebar | undefined;
  let workbookPath: string;
  let page: Page;

  beforeAll(async () => {
    served = await openServedDemoSidebar('facturas-collections-e2e-', TODAY);
    ({ workbookPath, page } = served);
  });

  const outbox = () => path.join(path.dirname(workbookPath), '.facturas', 'outbox');

  afterAll(async () => {
    await served?.close();
  });

  test('records a promise from the detail and sees it in the timeline and in Gestiones; a past date is refused with the reason', async () => {
    const before = await openXlsxStore(workbookPath).read();
    const owed = buildLedger(before.book, TODAY, CHILE).views.find((v) => v.kind === 'invoice' && v.paymentStatus !== 'anulada' && v.balance > 10_000)!;
    const key = documentKey(owed);
    await page.getByTestId('query').fill(key);
    await page.locator(`[data-testid=doc-row][data-key="${key}"]`).click();
    await page.getByTestId('collection-form').waitFor();
    const entriesBefore = await page.getByTestId('collection-entry').count();

    await page.getByTestId('collection-date').fill('2026-10-01');
    await page.getByTestId('collection-submit').click();
    await eventually(
      () => page.getByTestId('notice-error').textContent(),
      (text) => expect(text).toContain('la fecha comprometida 01-10-2026 es anterior a hoy (15-10-2026)'),
    );
    await expect(page.getByTestId('collection-entry').count()).resolves.toBe(entriesBefore);

    await page.getByTestId('collection-date').fill('2026-10-22');
    await page.getByTestId('collection-amount').fill('10.000');
    await page.getByTestId('collection-note').fill('Paga el jueves');
    await page.getByTestId('collection-submit').click();
    await eventually(
      () => page.getByTestId('collection-entry').first().textContent(),
      (text) => expect(text).toContain('Paga el jueves'),
    );
    await expect(page.getByTestId('collection-entry').count()).resolves.toBe(entriesBefore + 1);
    await expect(page.getByTestId('collection-entry').first().textContent()).resolves.toContain('$10.000');
    await expect(page.getByTestId('promise').textContent()).resolves.toContain('22-10-2026');
    await expectFitsSidebar(page);

    // Paying the promised amount from the same detail keeps the promise: the change's answer brings the section as it now reads.
    await page.getByTestId('pay-amount').fill('10.000');
    await page.getByTestId('pay-method').fill('Transferencia');
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('notice-ok').waitFor();
    await eventually(
      () => page.getByTestId('promise').textContent(),
      (text) => expect(text).toContain('cumplida'),
    );
    // The list's promesa: filter knows it too, without a reload.
    await page.getByTestId('tab-list').click();
    await page.getByTestId('query').fill(`promesa:cumplida ${owed.number}`);
    await page.locator(`[data-testid=doc-row][data-key="${key}"]`).waitFor();
    await page.getByTestId('query').fill(`promesa:vigente ${owed.number}`);
    await page.getByTestId('shown-count').filter({ hasText: /^0 / }).waitFor();
    await page.getByTestId('query').fill(key);
    await page.locator(`[data-testid=doc-row][data-key="${key}"]`).click();

    const after = await openXlsxStore(workbookPath).read();
    const stored = (after.book.collections ?? []).filter((e) => e.document?.type === owed.type && e.document.number === owed.number && e.action === 'promesa');
    expect(stored.at(-1)).toMatchObject({ promisedDate: '2026-10-22', promisedAmount: 10_000, note: 'Paga el jueves', channel: 'sidebar' });

    // The customer's statement, from the same detail: its closing balance is what the ledger says the customer owes.
    const ledger = buildLedger(after.book, TODAY, CHILE);
    const owes = ledger.views.filter((v) => v.customerTaxId === owed.customerTaxId && v.currency === owed.currency && v.paymentStatus !== 'anulada').reduce((sum, v) => sum + v.balance, 0);
    await page.getByTestId('statement-open').click();
    await page.getByTestId('statement-closing').waitFor();
    await expect(page.getByTestId('statement-closing').textContent()).resolves.toBe(formatMoney(owes, owed.currency));
    await expect(page.getByTestId('statement-movement').count()).resolves.toBeGreaterThan(0);
    await expectFitsSidebar(page);
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('statement-pdf').click();
    const pdf = await downloaded;
    const text = (await pdfText(await readFile((await pdf.path())!))).text;
    expect(text).toContain('Saldo anterior');
    expect(text).toContain(formatMoney(owes, owed.currency));

    // «Enviar por correo»: the same PDF goes to the customer (the preview's outbox) and Gestiones says so.
    await page.getByTestId('statement-email').click();
    await eventually(
      () => page.getByTestId('notice-ok').textContent(),
      (notice) => expect(notice).toMatch(/^Estado de cuenta enviado a \S+@\S+\.$/),
    );
    const mailed = (await readdir(outbox())).filter((name) => name.endsWith('.txt'));
    expect(mailed).toHaveLength(1);
    const message = await readFile(path.join(outbox(), mailed[0]!), 'utf8');
    expect(message).toContain('Asunto: Estado de cuenta al 15-10-2026');
    expect((await pdfText(await readFile(path.join(outbox(), mailed[0]!.replace(/\.txt$/, '.pdf'))))).text).toContain(formatMoney(owes, owed.currency));
    const logged = (await openXlsxStore(workbookPath).read()).book.collections ?? [];
    expect(logged.at(-1)).toMatchObject({ action: 'correo', customerTaxId: owed.customerTaxId, document: null, channel: 'sidebar' });
    expect(logged.at(-1)!.note).toMatch(/^estado de cuenta enviado a /);
  });

  test('opens the KPIs card in Informes', async () => {
    await page.getByTestId('tab-reports').click();
    await page.getByTestId('kpis-load').click();
    await page.getByTestId('kpi-dso').waitFor();
    await expect(page.getByTestId('kpi-dso').textContent()).resolves.toMatch(/^[\d,]+$|^—$/);
    await expect(page.getByTestId('kpi-over90').textContent()).resolves.toMatch(/%$/);
    await expect(page.locator('[data-testid=kpi-top-debtors] li').count()).resolves.toBeGreaterThan(0);
    await expectFitsSidebar(page);
  });

  test("previews today's reminders in Informes with the mail quota, as core plans them for the stored book", async () => {
    const book = (await openXlsxStore(workbookPath).read()).book;
    const planned = planReminders(book, CHILE, TODAY, { locale: 'es' });
    expect(planned.reminders.length).toBeGreaterThan(0);
    await page.getByTestId('reminders-load').click();
    await page.getByTestId('reminders-quota').waitFor();
    await expect(page.getByTestId('reminders-quota').textContent()).resolves.toMatch(/^Correos disponibles hoy: \d+$/);
    await expect(page.getByTestId('reminder').count()).resolves.toBe(planned.reminders.length);
    await expect(page.getByTestId('reminder').first().textContent()).resolves.toContain(planned.reminders[0]!.customerName);
    await expectFitsSidebar(page);

    // «Enviar»: one message per customer with the statement PDF, each logged, and nothing left to send today.
    const before = (await readdir(outbox())).filter((name) => name.endsWith('.txt')).length;
    await page.getByTestId('reminders-send').click();
    await eventually(
      () => page.getByTestId('notice-ok').textContent(),
      (notice) => expect(notice).toBe(planned.reminders.length === 1 ? 'Se envió 1 recordatorio.' : `Se enviaron ${planned.reminders.length} recordatorios.`),
    );
    await expect(page.locator('[data-testid=report-reminders] .empty').textContent()).resolves.toBe('Hoy no corresponde enviar recordatorios.');
    const messages = (await readdir(outbox())).filter((name) => name.endsWith('.txt')).sort();
    expect(messages).toHaveLength(before + planned.reminders.length);
    const texts = await Promise.all(messages.map((name) => readFile(path.join(outbox(), name), 'utf8')));
    for (const reminder of planned.reminders) expect(texts.some((t) => t.startsWith(`Para: ${reminder.email}\nAsunto: ${reminder.subject}\n`))).toBe(true);
    const after = (await openXlsxStore(workbookPath).read()).book;
    const logged = (after.collections ?? []).filter((e) => e.action === 'recordatorio' && e.channel === 'sidebar');
    expect(logged).toHaveLength(planned.reminders.reduce((n, r) => n + r.documents.length, 0));
    expect(planReminders(after, CHILE, TODAY, { locale: 'es' }).reminders).toEqual([]);
  });
});
