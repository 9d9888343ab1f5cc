import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { CHILE, buildLedger } from '../../core';
import { createWorkbook } from '../../core/node/xlsxCreate';
import { openXlsxStore } from '../../core/node/xlsxStore';
import { type Preview, startPreview } from '../../cli/serve/startPreview';

const TODAY = '2026-10-15';
const NOW = new Date('2026-10-15T13:00:00.000Z');

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** One raw HTTP request, every header as given: what a browser or a hostile page would send. */
function send(port: number, options: { method: string; path: string; headers: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers, setHost: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('facturas serve answers only its own page', () => {
  let folder: string;
  let workbook: string;
  let preview: Preview;
  let port: number;
  let token: string;
  let target: string;
  let servedHost: string;
  let servedOrigin: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'facturas-serve-security-'));
    workbook = path.join(folder, 'facturas.xlsx');
    await createWorkbook(workbook, { demo: true, today: TODAY });
    const sidebar = path.join(folder, 'sidebar.html');
    await writeFile(sidebar, '<!doctype html><html><head><title>Facturas</title></head><body></body></html>');
    const store = openXlsxStore(workbook);
    const read = await store.read();
    const open = buildLedger(read.book, TODAY, CHILE).views.find((v) => v.kind === 'invoice' && v.balance > 20_000 && v.paymentStatus !== 'anulada')!;
    target = `${open.type}-${open.number}`;
    preview = await startPreview({ workbookPath: workbook, store, sidebarHtmlPath: sidebar, port: 0, user: 'contadora', timeZone: 'America/Santiago', asOf: TODAY, now: () => NOW });
    port = Number(new URL(preview.url).port);
    servedHost = `localhost:${port}`;
    servedOrigin = `http://${servedHost}`;
    const page = await send(port, { method: 'GET', path: '/', headers: { host: servedHost } });
    expect(page.status).toBe(200);
    token = /"x-facturas-token": "([0-9a-f]+)"/.exec(page.body)![1]!;
  });

  afterAll(async () => {
    await preview?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const payment = JSON.stringify({ args: [{ document: '', amount: '10.000', date: TODAY, method: 'Transferencia', reference: 'ataque' }] });
  const paymentOf = (document: string) => payment.replace('"document":""', `"document":${JSON.stringify(document)}`);

  /** The request is refused with `status`, and the workbook's bytes are exactly as before. */
  async function expectRefused(options: Parameters<typeof send>[1], status: number): Promise<void> {
    const before = await sha256(workbook);
    const answer = await send(port, options);
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: expect.stringMatching(/^Solicitud rechazada/) });
    expect(await sha256(workbook)).toBe(before);
  }

  it('refuses a no-cors text/plain POST from another origin to /api/recordPayment', async () => {
    await expectRefused(
      { method: 'POST', path: '/api/recordPayment', headers: { host: servedHost, origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' }, body: paymentOf(target) },
      403,
    );
  });

  it('refuses a form-encoded POST to voidDocument, even from the page itself and with the token', async () => {
    await expectRefused(
      {
        method: 'POST',
        path: '/api/voidDocument',
        headers: { host: servedHost, origin: servedOrigin, 'content-type': 'application/x-www-form-urlencoded', 'x-facturas-token': token },
        body: `{"args":[{"document":"${target}"}]}=`,
      },
      415,
    );
  });

  it('refuses a JSON POST from another origin even with the right token', async () => {
    await expectRefused(
      {
        method: 'POST',
        path: '/api/voidDocument',
        headers: { host: servedHost, origin: 'http://127.0.0.1.evil.example', 'content-type': 'application/json', 'x-facturas-token': token },
        body: JSON.stringify({ args: [{ document: target }] }),
      },
      403,
    );
  });

  it('refuses a request whose Host is not the served address (DNS rebinding), for the page and the API', async () => {
    const page = await send(port, { method: 'GET', path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain(token);
    await expectRefused(
      { method: 'POST', path: '/api/loadSidebar', headers: { host: `evil.example:${port}`, 'content-type': 'application/json', 'x-facturas-token': token }, body: '{"args":[]}' },
      403,
    );
  });

  it('refuses a same-origin JSON request without the token, or with another one', async () => {
    const headers = { host: servedHost, origin: servedOrigin, 'content-type': 'application/json' };
    await expectRefused({ method: 'POST', path: '/api/recordPayment', headers, body: paymentOf(target) }, 403);
    await expectRefused({ method: 'POST', path: '/api/recordPayment', headers: { ...headers, 'x-facturas-token': token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }, body: paymentOf(target) }, 403);
  });

  it('gives each run its own token, and refuses in the language of the command', async () => {
    const second = await startPreview({
      workbookPath: workbook,
      store: openXlsxStore(workbook),
      sidebarHtmlPath: path.join(folder, 'sidebar.html'),
      port: 0,
      user: 'contadora',
      timeZone: 'America/Santiago',
      asOf: TODAY,
      now: () => NOW,
      locale: 'en',
    });
    try {
      const secondPort = Number(new URL(second.url).port);
      const page = await send(secondPort, { method: 'GET', path: '/', headers: { host: `127.0.0.1:${secondPort}` } });
      expect(page.status).toBe(200);
      expect(page.body).toMatch(/"x-facturas-token": "[0-9a-f]{64}"/);
      expect(page.body).not.toContain(token);
      const refused = await send(secondPort, {
        method: 'POST',
        path: '/api/loadSidebar',
        headers: { host: `127.0.0.1:${secondPort}`, 'content-type': 'application/json', 'x-facturas-token': token },
        body: '{}',
      });
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body).error).toMatch(/^Request refused: this session's code is missing/);
    } finally {
      await second.close();
    }
  });

  it('records the payment the served page sends: its Host, its Origin, JSON and its token', async () => {
    const before = await sha256(workbook);
    const answer = await send(port, {
      method: 'POST',
      path: '/api/recordPayment',
      headers: { host: servedHost, origin: servedOrigin, 'content-type': 'application/json; charset=utf-8', 'x-facturas-token': token },
      body: paymentOf(target),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { ok: true } });
    expect(await sha256(workbook)).not.toBe(before);
    const after = await openXlsxStore(workbook).read();
    expect(after.book.payments.at(-1)?.reference).toBe('ataque');
  });
});
