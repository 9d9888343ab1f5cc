import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '@slack/bolt';
import type { HealthReport } from './health';
import { isFreshSlackRequest } from './middleware/requestFreshness';
import { REQUEST_ID_HEADER } from './middleware/requestLog';

export interface BotServer {
  readonly server: Server;
  /** Requests not yet answered over HTTP: answers' work waits while there are any (see Turns). */
  unanswered(): number;
}

/**
 * The bot's HTTP face: `/healthz` for the load balancer; every other request gets an id (in the
 * logs and the `X-Request-Id` answer header), POSTs with a stale or future timestamp are refused,
 * and the rest go to Bolt's receiver.
 */
export function createBotServer(receiver: (req: IncomingMessage, res: ServerResponse) => void, logger: Logger, health: () => Promise<HealthReport>): BotServer {
  let unanswered = 0;
  const server = createServer((req, res) => {
    const requestId = randomUUID().slice(0, 8);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader('X-Request-Id', requestId);
    if (req.method === 'GET' && req.url === '/healthz') {
      health().then(
        (report) => res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(report)),
        () => res.writeHead(503).end(),
      );
      return;
    }
    unanswered++;
    let counted = true;
    const answered = (): void => {
      if (counted) unanswered--;
      counted = false;
    };
    res.once('finish', answered);
    res.once('close', answered);
    if (req.method === 'POST' && !isFreshSlackRequest(req)) {
      logger.warn(`Refused request ${requestId} to ${req.url}: its timestamp is missing or more than five minutes off`);
      res.writeHead(401).end();
      req.resume();
      return;
    }
    receiver(req, res);
  });
  return { server, unanswered: () => unanswered };
}

export const listen = (server: Server, port: number): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });

/** Stops taking connections; requests being answered get `graceMs` to finish. */
export async function closeServer(server: Server, graceMs: number, meanwhile: () => Promise<void>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const grace = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await meanwhile();
    await closed;
  } finally {
    clearTimeout(grace);
  }
}
