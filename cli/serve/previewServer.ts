import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SCRIPT_RUN_SHIM } from './scriptRunShim';
import { UnknownFunctionError } from './previewBridge';

export interface PreviewBridge {
  call(name: string, args: readonly unknown[]): Promise<unknown>;
}

export interface PreviewServerOptions {
  /** The built dist/sidebar.html, exactly as Apps Script serves it. */
  readonly sidebarHtml: string;
  readonly bridge: PreviewBridge;
  readonly port: number;
  readonly host?: string;
  readonly log?: (line: string) => void;
}

export interface RunningPreview {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Large enough for an emailed PDF in base64, small enough that a stray request cannot fill memory. */
const MAX_BODY_BYTES = 40 * 1024 * 1024;

// The preview frames the sidebar as Sheets does: 300 px wide, on the right.
const PREVIEW_FRAME_STYLE = '<style>html{background:#f8f9fa}body{background:#fff;width:300px;min-height:100vh;margin:0 0 0 auto;box-shadow:-1px 0 0 #dadce0}</style>';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
};

/** Serves the built sidebar with the google.script.run shim, and POST /api/<function> to the bridge. */
export function startPreviewServer(options: PreviewServerOptions): Promise<RunningPreview> {
  const page = options.sidebarHtml.replace(/<head>/i, (head) => `${head}\n${PREVIEW_FRAME_STYLE}\n${SCRIPT_RUN_SHIM}`);
  const log = options.log ?? (() => undefined);

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(page);
      return;
    }
    const api = /^\/api\/([A-Za-z]\w*)$/.exec(url.pathname);
    if (request.method === 'POST' && api) {
      const name = api[1]!;
      readBody(request)
        .then((text) => {
          const body = JSON.parse(text || '{}') as { args?: unknown };
          const args = Array.isArray(body.args) ? body.args : [];
          return options.bridge.call(name, args);
        })
        .then(
          (value) => sendJson(response, 200, { ok: true, value: value === undefined ? null : value }),
          (error: unknown) => {
            if (error instanceof UnknownFunctionError) return sendJson(response, 404, { ok: false, error: `No server function named ${name}.` });
            log(`${name}: ${(error as Error).message}`);
            sendJson(response, 500, { ok: false, error: (error as Error).message });
          },
        );
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${address.port}/`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
