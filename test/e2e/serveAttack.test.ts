import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { CHILE, buildLedger } from '../../core';
import { openXlsxStore } from '../../core/node/xlsxStore';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/facturas.js');
const TODAY = '2026-10-15';

const facturasEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, FACTURAS_TIMEZONE: 'America/Santiago', FACTURAS_USER: 'contadora@example.cl' };
  for (const name of Object.keys(env)) if (name.startsWith('SLACK_') || name === 'FACTURAS_WORKBOOK') delete env[name];
  return env;
};

function runFacturas(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: facturasEnv() });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`facturas ${args.join(' ')} exited ${code}: ${output}`))));
  });
}

function startServe(workbookPath: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--as-of', TODAY, '--workbook', workbookPath], { env: facturasEnv() });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (port) resolve({ child, port: Number(port) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`facturas serve exited ${code}: ${output}`)));
  });
}

/** The hostile page: what any site the accountant visits could serve, here from another local port. */
const attackerPage = (previewPort: number, target: string): string => `<!doctype html><html><body>
<form id="void" method="POST" action="http://127.0.0.1:${previewPort}/api/voidDocument" enctype="text/plain" target="sink">
  <input name='{"args":[{"document":"${target}"}],"x":"' value='"}'>
</form>
<iframe name="sink"></iframe>
<script>
  window.attack = async function () {
    const body = JSON.stringify({ args: [{ document: '${target}', amount: '1.000', date: '${TODAY}', method: 'Transferencia', reference: 'ataque' }] });
    const results = [];
    for (const host of ['127.0.0.1', 'localhost']) {
      try {
        await fetch('http://' + host + ':${previewPort}/api/recordPayment', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body });
        results.push('sent');
      } catch (error) { results.push('failed'); }
    }
    return results;
  };
</script></body></html>`;

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP evil.example 127.0.0.1',
];

describe('facturas serve against a hostile web page in Chromium', () => {
  let dir: string;
  let workbookPath: string;
  let serve: ChildProcess | undefined;
  let previewPort: number;
  let attacker: Server;
  let attackerUrl: string;
  let target: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'facturas-attack-'));
    workbookPath = path.join(dir, 'facturas.xlsx');
    await runFacturas(['init', '--demo', '--as-of', TODAY, '--workbook', workbookPath]);
    const read = await openXlsxStore(workbookPath).read();
    const open = buildLedger(read.book, TODAY, CHILE).views.find((v) => v.kind === 'invoice' && v.balance > 1000 && v.paymentStatus !== 'anulada')!;
    target = `${open.type}-${open.number}`;
    const started = await startServe(workbookPath);
    serve = started.child;
    previewPort = started.port;
    attacker = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(attackerPage(previewPort, target));
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://evil.example:${(attacker.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    if (serve && serve.exitCode === null) {
      const exited = new Promise((resolve) => serve!.once('exit', resolve));
      serve.kill('SIGTERM');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('records no payment and voids nothing when another site posts to it', async () => {
    const before = await sha256(workbookPath);
    const page = await browser.newPage();
    await page.goto(attackerUrl);
    const answers: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).port === String(previewPort)) answers.push(response.status());
    });
    expect(await page.evaluate(() => (window as unknown as { attack: () => Promise<string[]> }).attack())).toEqual(['sent', 'sent']);
    const formAnswer = page.waitForResponse((response) => response.url().endsWith('/api/voidDocument'));
    await page.evaluate(() => (document.getElementById('void') as HTMLFormElement).submit());
    expect((await formAnswer).status()).toBe(403);
    expect(answers.filter((status) => status === 403)).toHaveLength(3);
    expect(await sha256(workbookPath)).toBe(before);
    await page.close();
  });

  it('shows nothing of the workbook to a page that re-points its own name at 127.0.0.1 (DNS rebinding)', async () => {
    const page = await browser.newPage();
    const answer = await page.goto(`http://evil.example:${previewPort}/`);
    expect(answer?.status()).toBe(403);
    expect(await page.content()).not.toContain('x-facturas-token');
    const api = await page.evaluate(async () => {
      const response = await fetch('/api/loadSidebar', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"args":[]}' });
      return { status: response.status, text: await response.text() };
    });
    expect(api.status).toBe(403);
    expect(api.text).not.toContain('33-');
    await page.close();
  });
});
