import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHILE, buildLedger, invoiceDocDefinition, type DocDefinition } from '../../core';
import { renderPdf } from '../../core/node/pdf';
import { ACME, bookFrom } from '../core/reportFixtures';
import { pdfText } from './pdfText';

// A valid 1×1 PNG: if a policy did not stop it, pdfmake would embed it without complaint.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let server: Server;
let requests: string[] = [];
let baseUrl = '';
const pngPath = join(mkdtempSync(join(tmpdir(), 'facturas-pdf-')), 'logo.png');

beforeAll(async () => {
  writeFileSync(pngPath, PNG);
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = [];
});

/** Keys under which pdfmake loads a file, fetches a URL or makes something clickable. */
const RESOURCE_KEYS = new Set(['image', 'images', 'svg', 'qr', 'link', 'linkToFile', 'attachment', 'attachments', 'files', 'url', 'fonts', 'font']);

function resourceKeysIn(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => resourceKeysIn(child, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => [...(RESOURCE_KEYS.has(key) ? [`${path}.${key}`] : []), ...resourceKeysIn(value, `${path}.${key}`)]);
}

/** Untyped on purpose: what a tampered definition could contain, whatever our types allow. */
const raw = (definition: object): DocDefinition => definition as DocDefinition;

describe('PDF rendering never reads a file or fetches a URL', () => {
  it('keeps hostile text in the invoice as text only', async () => {
    const hostile = (what: string) => `${what} ${pngPath} ${baseUrl}/${what}.png file:///etc/passwd`;
    const book = bookFrom([[33, 1, '2026-10-01', '2026-10-31', ACME, hostile('cliente'), 1000, 0, 190, 1190, 'Emitida', '']], [['2026-10-02', 33, 1, 100]], {
      detalle: [[33, 1, hostile('linea'), 1, 1000, 0, 'no']],
    });
    const view = buildLedger(book, '2026-10-05', CHILE).byKey(33, 1)!;
    const issuer = { name: hostile('emisor'), taxId: '/etc/passwd', businessActivity: `${baseUrl}/giro.png`, address: pngPath, email: 'x@y.cl', phone: '' };
    const definition = invoiceDocDefinition({
      view: { ...view, notes: hostile('notas'), originRef: `${baseUrl}/ref` },
      lines: book.lines,
      payments: book.payments,
      issuer,
      profile: CHILE,
      asOf: '2026-10-05',
      timeZone: 'America/Santiago',
    });

    expect(resourceKeysIn(definition)).toEqual([]);
    const text = (await pdfText(await renderPdf(definition))).text.replace(/\s+/g, ' ');
    expect(text).toContain('/etc/passwd');
    expect(text).toContain(`${baseUrl}/notas.png`);
    expect(requests).toEqual([]);
  });

  it('refuses an image node pointing at a local file', async () => {
    await expect(renderPdf(raw({ content: [{ image: pngPath }] }))).rejects.toThrow(/Access to local file denied/);
    await expect(renderPdf(raw({ content: [{ image: '/etc/passwd' }] }))).rejects.toThrow(/Access to local file denied/);
  });

  it('refuses an image dictionary entry pointing at a local file', async () => {
    await expect(renderPdf(raw({ images: { logo: pngPath }, content: [{ image: 'logo' }] }))).rejects.toThrow(/Access to local file denied/);
  });

  it('refuses to fetch an image URL, so the server sees no request', async () => {
    await expect(renderPdf(raw({ images: { logo: `${baseUrl}/logo.png` }, content: [{ image: 'logo' }] }))).rejects.toThrow(/Access to URL denied/);
    await expect(renderPdf(raw({ content: [{ image: `${baseUrl}/direct.png` }] }))).rejects.toThrow(/denied/);
    expect(requests).toEqual([]);
  });

  it('still embeds an inline data URL image, which needs neither disk nor network', async () => {
    const pdf = await renderPdf(raw({ content: [{ text: 'con logo' }, { image: `data:image/png;base64,${PNG.toString('base64')}`, width: 10 }] }));
    expect((await pdfText(pdf)).text).toContain('con logo');
  });
});
