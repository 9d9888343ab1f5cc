import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHILE, TABS, choiceLabels, decodeProjection, formatIssue } from '../../core';
import { generateWorkbookTables } from '../bench/generateDocuments';
import { DIST, asJson, loadAddon } from './loadBundle';
import { FIXTURE_NOW, smallWorkbook } from './fixtures';

function addon(sheets = smallWorkbook(), extra: Partial<Parameters<typeof loadAddon>[0]> = {}) {
  return loadAddon({ sheets, now: FIXTURE_NOW, ...extra });
}

describe('dist/Code.js in a vm with the Apps Script fakes', () => {
  test('exposes exactly the entry points as top-level functions', () => {
    const code = readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    const topLevel = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
    expect(topLevel).toEqual(
      [
        'agingSheet',
        'checkVersion',
        'collectionKpis',
        'createReportSheet',
        'customerStatement',
        'emailInvoice',
        'importSiiFiles',
        'loadSidebar',
        'openDocument',
        'onEstadoEdit',
        'onInstall',
        'onOpen',
        'previewSiiImport',
        'promptLibroDeVentas',
        'reconcileRcv',
        'reminderPreview',
        'recordCollection',
        'recordPayment',
        'saveLocale',
        'sendDailyReminders',
        'sendReminder',
        'emailStatement',
        'setupWorkbook',
        'showReports',
        'showSidebar',
        'statusSummarySheet',
        'voidDocument',
      ].sort(),
    );
  });

  test('onOpen in AuthMode.NONE builds the Facturas menu and reads nothing', () => {
    const { context, fakes } = addon(smallWorkbook(), { authMode: 'NONE' });
    context.onOpen({ authMode: 'NONE' });
    expect(fakes.menus).toHaveLength(1);
    expect(fakes.menus[0]!.title).toBe('Facturas');
    const functions = fakes.menus[0]!.items.map((i) => i.functionName);
    expect(functions).toEqual(['showSidebar', 'setupWorkbook', 'promptLibroDeVentas', 'statusSummarySheet', 'agingSheet', 'showReports']);
    for (const name of functions) expect(typeof context[name]).toBe('function');
    expect(fakes.calls.every((call) => /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.)/.test(call))).toBe(true);
    expect(fakes.writes).toEqual([]);
  });

  test('the sidebar opens from the menu with the self-contained HTML', () => {
    const { context, fakes } = addon();
    context.showSidebar();
    expect(fakes.sidebars).toHaveLength(1);
    expect(fakes.sidebars[0]!.title).toBe('Facturas');
    const html = fakes.sidebars[0]!.content;
    expect(html).toContain('pdfmake');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=["']?https?:/i);
    // Every <script> element closes only where the build closed it.
    const scripts = html.match(/<script>/g)!.length;
    expect(html.match(/<\/script/gi)!.length).toBe(scripts);
    context.showReports();
    expect(fakes.sidebars[1]!.content).toContain('__FACTURAS_VIEW__="reports"');
  });

  describe('setup', () => {
    test('on an empty spreadsheet creates every tab with headers, frozen header and validations; twice equals once', () => {
      const { context, fakes } = addon({ 'Hoja 1': [] });
      context.setupWorkbook();
      const once = asJson(fakes.snapshot());
      expect(fakes.sheetNames()).toEqual(['Hoja 1', 'Facturas', 'Detalle', 'Pagos', 'Clientes', 'Historial', 'Gestiones', 'Recordatorios']);
      const facturas = once.find((s) => s.name === 'Facturas')!;
      expect(facturas.grid[0]).toEqual(TABS.facturas.columns.map((c) => c.header));
      expect(facturas.frozenRows).toBe(1);
      const header = facturas.grid[0]!;
      const lists = Object.fromEntries(facturas.validations.map((v: any) => [header[v.column - 1], v.rule.values]));
      expect(lists).toEqual({ Tipo: ['33', '34', '39', '56', '61'], Estado: ['Emitida', 'Anulada'], Origen: ['Pedido', 'Nota de entrega', 'Directa'], Moneda: choiceLabels('currency', 'es') });
      expect(fakes.triggers).toEqual([
        { handler: 'onEstadoEdit', eventType: 'ON_EDIT', source: 'spreadsheet' },
        { handler: 'sendDailyReminders', eventType: 'CLOCK', source: 'clock', everyDays: 1, atHour: 8 },
      ]);

      context.setupWorkbook();
      expect(asJson(fakes.snapshot())).toEqual(once);
      expect(fakes.triggers).toHaveLength(2);
      expect(fakes.alerts[1]).toContain('Facturas: sin cambios');
    });

    test('on a workbook in use never touches existing data', () => {
      const { context, fakes } = addon();
      const before = asJson(fakes.snapshot());
      context.setupWorkbook();
      const after = asJson(fakes.snapshot());
      for (const sheet of before) {
        const now = after.find((s) => s.name === sheet.name)!;
        // Rows below the header are exactly as they were.
        expect(now.grid.slice(1)).toEqual(sheet.grid.slice(1));
        expect(now.grid[0]!.slice(0, sheet.grid[0]!.length)).toEqual(sheet.grid[0]);
      }
      expect(fakes.writes.every((w) => w.row === 1)).toBe(true);
    });
  });

  describe('loading the sidebar', () => {
    test('sends the projection of every document, the read issues, today in the sheet zone and the mail quota in one call', () => {
      const sheets = smallWorkbook();
      (sheets.Facturas as any[]).push([33, 1003, '2026-10-02', '', '11.111.111-2', 'Mal RUT', '', 'Directa', '', 'no-num', 0, 0, 1, 'CLP', 'Emitida']);
      const { context } = addon(sheets, { mailQuota: 87 });
      const state = asJson(context.loadSidebar());
      expect(state.environment).toBe('apps-script');
      expect(state.today).toBe('2026-10-15');
      expect(state.mailQuota).toBe(87);
      expect(decodeProjection(state.projection, CHILE).documents.map((d) => `${d.type}-${d.number}`)).toEqual(['33-1001', '33-1002']);
      expect(state.issueCount).toBe(state.issues.length);
      expect(state.issues.map((i: any) => formatIssue(i, 'es'))).toContain('Facturas, fila 4, columna RUT: «11.111.111-2» tiene el dígito verificador incorrecto');
    });

    test('costs the same service calls for 10 and for 10,000 invoices', () => {
      const callsFor = (count: number) => {
        const { context, fakes } = addon(generateWorkbookTables({ count, today: '2026-10-15' }), { timeZone: 'UTC' });
        const state = context.loadSidebar();
        expect(state.projection.count).toBe(count);
        return [...fakes.calls];
      };
      const small = callsFor(10);
      const large = callsFor(10_000);
      expect(large).toEqual(small);
      expect(small.length).toBeLessThan(60);
    });

    test('reads a sheet too tall for one call in pages, and nothing is lost', () => {
      const { context, fakes } = addon(generateWorkbookTables({ count: 40_000, today: '2026-10-15' }), { timeZone: 'UTC' });
      const state = context.loadSidebar();
      expect(decodeProjection(state.projection, CHILE).documents).toHaveLength(40_000);
      expect(state.issues).toEqual([]);
      // 17 columns: 29,411 rows fit in one 500,000-cell page, so 40,001 rows take two.
      expect(fakes.calls.filter((c) => c === 'Range.getValues').length).toBe(5 + 1);
    });
  });

  describe('recording a payment', () => {
    const pay = (context: Record<string, any>, input: Record<string, unknown>) =>
      asJson(context.recordPayment({ document: '33-1001', amount: '100000', date: '2026-10-14', method: 'Transferencia', reference: 'TX-77', ...input }));

    test('writes only the changed cells of its row under the lock, and appends Pagos and Historial', () => {
      const { context, fakes } = addon();
      const before = asJson(fakes.snapshot());
      const answer = pay(context, {});
      expect(answer.ok).toBe(true);
      expect(answer.value).toEqual({ key: '33-1001', before: 'pendiente', after: 'parcial' });

      const addonWrites = fakes.writes.map(({ method, sheet, row, column, numRows, numColumns, locked }) => ({ method, sheet, row, column, numRows, numColumns, locked }));
      // Pagado, Saldo and Estado de pago are columns 19-21 (the accountant's own column sits at 7).
      expect(addonWrites).toEqual([
        { method: 'setValues', sheet: 'Facturas', row: 2, column: 19, numRows: 1, numColumns: 3, locked: true },
        { method: 'appendRow', sheet: 'Pagos', row: 3, column: 1, numRows: 1, numColumns: 7, locked: true },
        { method: 'appendRow', sheet: 'Historial', row: 2, column: 1, numRows: 1, numColumns: 9, locked: true },
      ]);
      expect(fakes.locked).toBe(false);

      const after = asJson(fakes.snapshot());
      const facturasBefore = before.find((s) => s.name === 'Facturas')!.grid;
      const facturasAfter = after.find((s) => s.name === 'Facturas')!.grid;
      expect(facturasAfter[2]).toEqual(facturasBefore[2]);
      expect(facturasAfter[1]!.slice(0, 18)).toEqual(facturasBefore[1]!.slice(0, 18));
      expect(facturasAfter[1]!.slice(18, 21)).toEqual([100000, 197500, 'parcial']);

      const pagos = fakes.values('Pagos');
      expect(pagos[2]!.slice(1)).toEqual([33, 1001, 100000, 'Transferencia', 'TX-77', 'contadora@example.cl']);
      // The date is the sheet's local midnight of 14 October in Santiago.
      expect((pagos[2]![0] as Date).toISOString()).toBe('2026-10-14T03:00:00.000Z');
      const historial = fakes.values('Historial')[1]!;
      expect(historial.slice(2)).toEqual([33, 1001, 'pendiente', 'parcial', 100000, 'contadora@example.cl', 'sidebar']);

      // The answer carries what changed: the sidebar shows the new status without another call.
      const changed = decodeProjection(answer.changes.projection, CHILE);
      expect(changed.documents.map((d) => `${d.type}-${d.number}`)).toEqual(['33-1001']);
      expect(changed.paid).toEqual([100000]);
      expect(answer.changes.payments).toEqual([
        { date: '2026-10-14', type: 33, number: 1001, amount: 100000, method: 'Transferencia', reference: 'TX-77', recordedBy: 'contadora@example.cl', row: 3 },
      ]);
      expect(answer.changes.history).toHaveLength(1);
      expect(answer.version.after).not.toBe(answer.version.before);
    });

    test('finds the row again by Tipo and Folio when rows moved since the sidebar loaded', () => {
      const { context, fakes } = addon();
      context.loadSidebar();
      fakes.insertRowsBefore('Facturas', 2, 3);
      const answer = pay(context, { amount: '297.500' });
      expect(answer.ok).toBe(true);
      expect(fakes.writes[0]).toMatchObject({ sheet: 'Facturas', row: 5 });
      expect(fakes.values('Facturas')[4]!.slice(18, 21)).toEqual([297500, 0, 'pagada']);
    });

    test('stores formula-looking user text as text', () => {
      const { context, fakes } = addon();
      const answer = pay(context, { method: '=IMPORTXML("http://evil.example","//a")', reference: '+56 9 1234 5678' });
      expect(answer.ok).toBe(true);
      expect(fakes.formulas()).toEqual([]);
      expect(fakes.values('Pagos')[2]!.slice(4, 6)).toEqual(['=IMPORTXML("http://evil.example","//a")', '+56 9 1234 5678']);
      expect(fakes.stored('Pagos', 3, 5)).toEqual({ kind: 'text', value: '=IMPORTXML("http://evil.example","//a")' });
    });

    test('stores a method chosen in English as the same canonical text', () => {
      const { context, fakes } = addon();
      expect(pay(context, { method: 'Bank transfer' }).ok).toBe(true);
      expect(fakes.values('Pagos')[2]![4]).toBe('Transferencia');
    });

    test('refuses a bad payment with issues naming the field, and writes nothing', () => {
      const { context, fakes } = addon();
      const tooMuch = pay(context, { amount: '400000' });
      expect(tooMuch.ok).toBe(false);
      expect(tooMuch.issues.map((i: any) => formatIssue(i, 'es'))).toEqual(['Monto: el monto $400.000 supera el saldo de 33-1001 ($297.500)']);
      const badDate = pay(context, { date: '31-02-2026' });
      expect(badDate.issues[0]).toMatchObject({ code: 'invalidDate', path: { field: 'date' } });
      const comma = pay(context, { amount: '1,000' });
      expect(comma.issues.map((i: any) => formatIssue(i, 'es'))).toEqual(['Monto: «1,000» se puede leer de dos maneras en CLP; escriba 1.000 o 1000 (sin decimales)']);
      const changed = pay(context, { expectedBalance: 1 });
      expect(changed.issues[0].code).toBe('documentChanged');
      expect(fakes.writes).toEqual([]);
      expect(fakes.locked).toBe(false);
    });
  });

  test('voiding writes Estado, the derived cells and Historial', () => {
    const { context, fakes } = addon();
    const answer = asJson(context.voidDocument({ document: '1001' }));
    expect(answer.value).toEqual({ key: '33-1001', before: 'pendiente', after: 'anulada' });
    const row = fakes.values('Facturas')[1]!;
    expect(row[15]).toBe('Anulada');
    expect(row.slice(18, 21)).toEqual([0, 0, 'anulada']);
    expect(fakes.values('Historial')[1]!.slice(4, 6)).toEqual(['pendiente', 'anulada']);
  });

  test('voiding a document with payments is refused and writes nothing', () => {
    const { context, fakes } = addon();
    const before = JSON.stringify(fakes.values('Facturas'));
    const answer = asJson(context.voidDocument({ document: '1002' }));
    expect(answer.ok).toBe(false);
    expect(answer.issues).toEqual([{ code: 'documentHasPayments', path: {}, params: { key: '33-1002', paid: 50000, currency: 'CLP' } }]);
    expect(JSON.stringify(fakes.values('Facturas'))).toBe(before);
    expect(fakes.values('Historial')).toHaveLength(1);
  });

  describe('email', () => {
    const pdf = Buffer.from('%PDF-1.7 test invoice').toString('base64');

    test('sends the PDF to the customer and reports the remaining quota', () => {
      const { context, fakes } = addon(smallWorkbook(), { mailQuota: 3 });
      const answer = asJson(context.emailInvoice({ document: '33-1001', pdfBase64: pdf, locale: 'es' }));
      expect(answer).toEqual({ ok: true, to: 'pagos@losaromos.cl', remainingQuota: 2 });
      expect(fakes.sentMail).toHaveLength(1);
      const mail = fakes.sentMail[0]!;
      expect(mail.subject).toBe('Factura electrónica N° 1001');
      expect(mail.attachments[0]!.name).toBe('33-1001.pdf');
      expect(Buffer.from(mail.attachments[0]!.bytes.map((b) => (b + 256) % 256)).toString()).toBe('%PDF-1.7 test invoice');
    });

    test('is refused clearly when the daily quota is used up', () => {
      const { context, fakes } = addon(smallWorkbook(), { mailQuota: 0 });
      const answer = asJson(context.emailInvoice({ document: '33-1001', pdfBase64: pdf }));
      expect(answer.ok).toBe(false);
      expect(formatIssue(answer.issues[0], 'es')).toBe('Se agotó la cuota diaria de correos de Google; inténtelo mañana o descargue el PDF');
      expect(fakes.sentMail).toEqual([]);
    });
  });

  test('a manual edit of Estado is recorded in Historial by the installable trigger', () => {
    const { context, fakes } = addon();
    fakes.userEdit('Facturas', 2, 16, 'Anulada');
    const range = fakes.sheetApi('Facturas').getRange(2, 16);
    context.onEstadoEdit({ range, oldValue: 'Emitida', value: 'Anulada', user: { getEmail: () => 'jefe@example.cl' } });
    const entry = fakes.values('Historial')[1]!;
    expect(entry.slice(2)).toEqual([33, 1001, 'pendiente', 'anulada', 297500, 'jefe@example.cl', 'edición manual']);
    expect(fakes.values('Facturas')[1]!.slice(18, 21)).toEqual([0, 0, 'anulada']);

    // An edit elsewhere only reads the header row.
    fakes.resetCounts();
    context.onEstadoEdit({ range: fakes.sheetApi('Facturas').getRange(3, 20), oldValue: '1', value: '2' });
    expect(fakes.writes).toEqual([]);
    expect(fakes.calls.filter((c) => c === 'Range.getValues')).toHaveLength(1);
  });

  test('the Libro de Ventas of a chosen month goes to a new formatted sheet', () => {
    const { context, fakes } = addon();
    fakes.promptAnswers.push('2026-10');
    context.promptLibroDeVentas();
    expect(fakes.sheetNames()).toContain('Libro de Ventas 2026-10');
    const values = fakes.values('Libro de Ventas 2026-10');
    expect(values[0]![0]).toBe('Libro de Ventas');
    expect(values[3]!.slice(0, 5)).toEqual(['Tipo', 'Folio', 'Fecha', 'RUT', 'Cliente']);
    expect(values[4]!.slice(0, 2)).toEqual([33, 1001]);
    expect(values[4]![8]).toBe(297500);

    fakes.promptAnswers.push('octubre');
    context.promptLibroDeVentas();
    expect(fakes.alerts.at(-1)).toContain('«octubre» no es un período');
  });
});
