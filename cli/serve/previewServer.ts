import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locale } from '../../core';
import { UnknownFunctionError } from './previewBridge';
import { previewRefusal } from './previewGuard';
import { previewMessages } from './previewMessages';
import { scriptRunShim } from './scriptRunShim';

export interface PreviewBridge {
  call(name: string, args: readonly unknown[]): Promise<unknown>;
}

export interface PreviewServerOptions {
  /** The built dist/sidebar.html, exactly as Apps Script serves it. */
  readonly sidebarHtml: string;
  readonly bridge: PreviewBridge;
  readonly port: number;
  readonly locale?: Locale;
  readonly log?: (line: string) => void;
}

export interface RunningPreview {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Large enough for an emailed PDF in base64, small enough that a stray request cannot fill memory. */
const MAX_BODY_BYTES = 40 * 1024 * 1024;

/** Only the loopback interface: the preview is for the person at this machine. */
const LOOPBACK = '127.0.0.1';

// The preview frames the sidebar as Sheets does: 300 px wide, on the right.
const PREVIEW_FRAME_STYLE = '<style>html{background:#f8f9fa}body{background:#fff;width:300px;min-height:100vh;margin:0 0 0 auto;box-shadow:-1px 0 0 #dadce0}</style>';

// No other page may frame the sidebar (a framed page could be clicked through) or sniff its types.
const COMMON_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'content-security-policy': "frame-ancestors 'none'" };

class BodyTooLargeError extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError());
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
};

function parseArgs(text: string): unknown[] | undefined {
  try {
    const body = JSON.parse(text || '{}') as { args?: unknown } | null;
    return Array.isArray(body?.args) ? body.args : [];
  } catch {
    return undefined;
  }
}

/**
 * Serves the built sidebar with the google.script.run shim, and POST /api/<function> to the
 * bridge, to the served page only (previewGuard.ts says who that is).
 */
export function startPreviewServer(options: PreviewServerOptions): Promise<RunningPreview> {
  const token = randomBytes(32).toString('hex');
  const page = options.sidebarHtml.replace(/<head>/i, (head) => `${head}\n${PREVIEW_FRAME_STYLE}\n${scriptRunShim(token)}`);
  const log = options.log ?? (() => undefined);
  const m = previewMessages(options.locale ?? 'es');

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const api = /^\/api\/([A-Za-z]\w*)$/.exec(url.pathname);
    const isApiCall = request.method === 'POST' && api !== null;
    const refusal = previewRefusal(request.headers, (server.address() as AddressInfo).port, token, isApiCall);
    if (refusal) {
      log(`${request.method} ${url.pathname}: ${m[refusal]}`);
      // Drain what was sent, so the refusal reaches the client instead of a reset connection.
      request.resume();
      sendJson(response, refusal === 'notJson' ? 415 : 403, { ok: false, error: m[refusal] });
      return;
    }
    if (request.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
      response.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
      return;
    }
    if (isApiCall) {
      const name = api![1]!;
      readBody(request)
        .then((text) => {
          const args = parseArgs(text);
          if (args === undefined) return sendJson(response, 400, { ok: false, error: m.badBody });
          return options.bridge.call(name, args).then(
            (value) => sendJson(response, 200, { ok: true, value: value === undefined ? null : value }),
            (error: unknown) => {
              if (error instanceof UnknownFunctionError) return sendJson(response, 404, { ok: false, error: m.unknownFunction(name) });
              log(`${name}: ${(error as Error).message}`);
              sendJson(response, 500, { ok: false, error: (error as Error).message });
            },
          );
        })
        .catch((error: unknown) => {
          if (error instanceof BodyTooLargeError) sendJson(response, 413, { ok: false, error: m.bodyTooLarge });
          else if (!response.headersSent) sendJson(response, 400, { ok: false, error: m.badBody });
        });
      return;
    }
    sendJson(response, 404, { ok: false, error: m.notFound });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${address.port}/`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
