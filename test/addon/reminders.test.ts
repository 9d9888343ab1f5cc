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
    const preview = asJson(context.reminderPreview()).value;
    expect(preview.mailQuota).toBe(2);
    expect(preview.run.reminders.map((r: { customerTaxId: string; documents: { number: number; step: number }[] }) => [r.customerTaxId, r.documents.map((d) => `${d.number}:${d.step}`)])).toEqual(
      [
        [sur!.taxId, ['1002:15']],
        [third!.taxId, ['1003:1']],
        [fourth!.taxId, ['1004:7']],
      ].sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
    const firstTwo = preview.run.reminders.slice(0, 2).map((r: { email: string }) => r.email);

    expect(asJson(context.sendDailyReminders())).toEqual({ sent: 2, stoppedBy: 'quota', pending: 1, failures: [] });
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
      ['G-00001', 'recordatorio', 'programado'],
      ['G-00002', 'recordatorio', 'programado'],
    ]);
    expect(fakes.locked).toBe(false);

    // Next morning's quota; the trigger sends only what the first run could not.
    fakes.setMailQuota(100);
    context.sendDailyReminders();
    expect(fakes.sentMail.map((m) => m.to)).toEqual([...firstTwo, preview.run.reminders[2].email]);
    expect(gestiones(fakes).map((e) => e.id)).toEqual(['G-00001', 'G-00002', 'G-00003']);
    context.sendDailyReminders();
    expect(fakes.sentMail).toHaveLength(3);
    expect(asJson(context.reminderPreview()).value.run.reminders).toEqual([]);
  });

  test('with no quota left sends nothing and logs nothing', () => {
    const { context, fakes } = loadAddon({ sheets: workbook(), now: FIXTURE_NOW, mailQuota: 0 });
    expect(asJson(context.sendDailyReminders())).toEqual({ sent: 0, stoppedBy: 'quota', pending: 3, failures: [] });
    expect(fakes.sentMail).toEqual([]);
    expect(gestiones(fakes)).toEqual([]);
  });

  test('stops before the six-minute limit when sends are slow, and the next run sends the rest', () => {
    // Three minutes a message: the first two fit in the five-minute budget, the third waits.
    const { context, fakes } = loadAddon({ sheets: workbook(), now: FIXTURE_NOW, mailSendMs: 3 * 60_000 });
    expect(asJson(context.sendDailyReminders())).toEqual({ sent: 2, stoppedBy: 'time', pending: 1, failures: [] });
    expect(gestiones(fakes)).toHaveLength(2);
    expect(fakes.locked).toBe(false);
    expect(asJson(context.sendDailyReminders())).toEqual({ sent: 1, stoppedBy: null, pending: 0, failures: [] });
    expect(new Set(fakes.sentMail.map((m) => m.to)).size).toBe(3);
    expect(asJson(context.sendDailyReminders())).toEqual({ sent: 0, stoppedBy: null, pending: 0, failures: [] });
  });
});

describe("the sidebar's «Enviar» and «Enviar por correo»", () => {
  const pdfBase64 = Buffer.from('%PDF-1.7 estado de cuenta').toString('base64');

  test("sends one customer's reminder with the PDF the sidebar built, logs it, and refuses to send it again", () => {
    const { context, fakes } = loadAddon({ sheets: workbook(), now: FIXTURE_NOW });
    const preview = asJson(context.reminderPreview()).value;
    const first = preview.run.reminders.find((r: { customerTaxId: string }) => r.customerTaxId === sur!.taxId);
    const answer = asJson(context.sendReminder({ customer: first.customerTaxId, pdfBase64, held: ['33-1002'] }));
    expect(answer.ok).toBe(true);
    expect(answer.value).toEqual({ customerTaxId: first.customerTaxId, to: first.email, remainingQuota: 99 });
    expect(answer.version.after).not.toBe(answer.version.before);
    expect(fakes.sentMail).toHaveLength(1);
    expect(fakes.sentMail[0]).toMatchObject({ to: first.email, subject: first.subject, body: first.body });
    expect(fakes.sentMail[0]!.attachments[0]!.name).toMatch(/^estado-de-cuenta-\d+[\dk]\.pdf$/);
    expect(Buffer.from(fakes.sentMail[0]!.attachments[0]!.bytes.map((b) => b & 0xff)).toString('utf8')).toBe('%PDF-1.7 estado de cuenta');
    expect(gestiones(fakes).map((e) => [e.action, e.channel, e.customerTaxId])).toEqual(first.documents.map(() => ['recordatorio', 'sidebar', first.customerTaxId]));
    // The held document's section reads the new log line.
    expect(answer.changes.sections['33-1002'].collections.collectionLog.map((e: { action: string }) => e.action)).toEqual(['reminder']);

    const again = asJson(context.sendReminder({ customer: first.customerTaxId, pdfBase64 }));
    expect(again.issues.map((i: { code: string }) => i.code)).toEqual(['reminderNotDue']);
    expect(fakes.sentMail).toHaveLength(1);
    // The daily trigger sends only the other two.
    expect(asJson(context.sendDailyReminders()).sent).toBe(2);
  });

  test('refuses with the reason and sends nothing: no quota, a customer the book does not know, a RUT that is not one', () => {
    const { context, fakes } = loadAddon({ sheets: workbook(), now: FIXTURE_NOW, mailQuota: 0 });
    const codes = (answer: { issues: { code: string }[] }) => answer.issues.map((i) => i.code);
    expect(codes(asJson(context.sendReminder({ customer: sur!.taxId, pdfBase64 })))).toEqual(['mailQuotaExhausted']);
    expect(codes(asJson(context.emailStatement({ customer: sur!.taxId, pdfBase64 })))).toEqual(['mailQuotaExhausted']);
    expect(codes(asJson(context.emailStatement({ customer: '11.111.111-1', pdfBase64 })))).toEqual(['unknownCustomer']);
    expect(codes(asJson(context.customerStatement({ customer: '11.111.111-1' })))).toEqual(['unknownCustomer']);
    expect(codes(asJson(context.customerStatement({ customer: '12.345.678-0' })))).toEqual(['invalidTaxId']);
    expect(fakes.sentMail).toEqual([]);
    expect(gestiones(fakes)).toEqual([]);
  });

  test('emails a statement to the customer and logs a «correo» line; a customer without an email is refused', () => {
    const tables = workbook();
    const { context, fakes } = loadAddon({ sheets: tables, now: FIXTURE_NOW });
    const answer = asJson(context.emailStatement({ customer: sur!.taxId, pdfBase64, locale: 'es' }));
    expect(answer.ok).toBe(true);
    expect(fakes.sentMail).toHaveLength(1);
    expect(fakes.sentMail[0]!.to).toBe(answer.value.to);
    expect(fakes.sentMail[0]!.subject).toMatch(/^Estado de cuenta al 15-10-2026/);
    expect(fakes.sentMail[0]!.body).toContain(sur!.name);
    expect(gestiones(fakes).map((e) => [e.action, e.customerTaxId, e.document, e.note])).toEqual([['correo', sur!.taxId, null, `estado de cuenta enviado a ${answer.value.to}`]]);

    // A customer whose Clientes row and documents carry no email: refused, nothing sent.
    const header = fakes.values(TABS.facturas.name)[0]!;
    const emailColumn = header.indexOf('Email') + 1;
    const customersHeader = fakes.values(TABS.clientes.name)[0]!;
    const customerEmailColumn = customersHeader.indexOf('Email') + 1;
    fakes.values(TABS.facturas.name).forEach((row, i) => {
      if (i > 0 && row.includes(third!.taxId)) fakes.userEdit(TABS.facturas.name, i + 1, emailColumn, '');
    });
    fakes.values(TABS.clientes.name).forEach((row, i) => {
      if (i > 0 && row.includes(third!.taxId)) fakes.userEdit(TABS.clientes.name, i + 1, customerEmailColumn, '');
    });
    expect(asJson(context.emailStatement({ customer: third!.taxId, pdfBase64 })).issues.map((i: { code: string }) => i.code)).toEqual(['customerWithoutEmail']);
    expect(fakes.sentMail).toHaveLength(1);
  });
});
