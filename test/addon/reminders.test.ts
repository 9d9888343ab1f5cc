import { CHILE, TABS, canonicalHeaders, readWorkbook, type Cell } from '../../core';
import { DEMO_CUSTOMERS } from '../../core/demo';
import { asJson, loadAddon } from './loadBundle';
import { FIXTURE_NOW, smallWorkbook } from './fixtures';

const [, sur, third, fourth] = DEMO_CUSTOMERS;

/**
 * The small workbook (Sur owes 33-1002, due 30 Sep: step 15 today) plus two more customers whose
 * invoices reached a step today, and an empty Gestiones tab.
 */
function workbook() {
  const base = smallWorkbook();
  const facturas = base[TABS.facturas.name]!.map((r) => [...r]);
  const row = (number: number, due: string, c: typeof third) => [
    33,
    number,
    '2026-09-01',
    due,
    c!.taxId,
    c!.name,
    'no tocar',
    c!.email,
    'Directa',
    '',
    100000,
    0,
    19000,
    119000,
    'CLP',
    'Emitida',
    '',
    '',
    0,
    119000,
    'vencida',
  ];
  facturas.push(row(1003, '2026-10-14', third), row(1004, '2026-10-08', fourth));
  return { ...base, [TABS.facturas.name]: facturas, Gestiones: [canonicalHeaders('gestiones')] as Cell[][] };
}

const gestiones = (fakes: ReturnType<typeof loadAddon>['fakes']) => {
  // Dates come from the vm's realm: made into this realm's Dates so the reader recognises them.
  const ownRealm = (cell: Cell): Cell => (Object.prototype.toString.call(cell) === '[object Date]' ? new Date((cell as Date).getTime()) : cell);
  const tables = Object.fromEntries(fakes.sheetNames().map((name) => [name, fakes.values(name).map((row) => row.map(ownRealm))]));
  const read = readWorkbook(tables, { profile: CHILE, timeZone: 'America/Santiago' });
  expect(read.issues).toEqual([]);
  return read.book.collections ?? [];
};

describe("the add-on's reminder run", () => {
  test('previews the day, stops at the mail quota, and the daily trigger resumes without sending twice', () => {
    const { context, fakes } = loadAddon({ sheets: workbook(), now: FIXTURE_NOW, mailQuota: 2 });
    const preview = asJson(context.previewReminders());
    expect(preview.mailQuota).toBe(2);
    expect(preview.run.reminders.map((r: { customerTaxId: string; documents: { number: number; step: number }[] }) => [r.customerTaxId, r.documents.map((d) => `${d.number}:${d.step}`)])).toEqual(
      [
        [sur!.taxId, ['1002:15']],
        [third!.taxId, ['1003:1']],
        [fourth!.taxId, ['1004:7']],
      ].sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
    const firstTwo = preview.run.reminders.slice(0, 2).map((r: { email: string }) => r.email);

    expect(asJson(context.sendRemindersNow())).toEqual({ sent: 2, stoppedBy: 'quota', pending: 1, failures: [] });
    expect(fakes.sentMail.map((m) => m.to)).toEqual(firstTwo);
    const mail = fakes.sentMail[0]!;
    expect(mail.subject).toBe(preview.run.reminders[0].subject);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    expect(mail.attachments[0]!.name).toMatch(/^estado-de-cuenta-\d+[\dk]\.pdf$/);
    // The fake keeps the page Google would render: the statement of that customer.
    const page = Buffer.from(mail.attachments[0]!.bytes.map((b) => b & 0xff)).toString('utf8');
    expect(page).toContain('ESTADO DE CUENTA');
    expect(page).toContain(preview.run.reminders[0].customerName);
    expect(gestiones(fakes).map((e) => [e.id, e.action, e.channel])).toEqual([
      ['G-00001', 'recordatorio', 'sidebar'],
      ['G-00002', 'recordatorio', 'sidebar'],
    ]);
    expect(fakes.locked).toBe(false);

    // Next morning's quota; the trigger sends only what the first run could not.
    fakes.setMailQuota(100);
    context.sendDailyReminders();
    expect(fakes.sentMail.map((m) => m.to)).toEqual([...firstTwo, preview.run.reminders[2].email]);
    expect(gestiones(fakes).map((e) => [e.id, e.channel])).toEqual([
      ['G-00001', 'sidebar'],
      ['G-00002', 'sidebar'],
      ['G-00003', 'programado'],
    ]);
    context.sendDailyReminders();
    expect(fakes.sentMail).toHaveLength(3);
    expect(asJson(context.previewReminders()).run.reminders).toEqual([]);
  });

  test('with no quota left sends nothing and logs nothing', () => {
    const { context, fakes } = loadAddon({ sheets: workbook(), now: FIXTURE_NOW, mailQuota: 0 });
    expect(asJson(context.sendRemindersNow())).toEqual({ sent: 0, stoppedBy: 'quota', pending: 3, failures: [] });
    expect(fakes.sentMail).toEqual([]);
    expect(gestiones(fakes)).toEqual([]);
  });
});
