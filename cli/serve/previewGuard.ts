import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header the served page's google.script.run sends its session token in. */
export const TOKEN_HEADER = 'x-facturas-token';

export type PreviewRefusal = 'foreignHost' | 'foreignOrigin' | 'notJson' | 'badToken';

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? undefined : value);

/**
 * Who may talk to `facturas serve`. Any web page the user opens can send requests to a loopback
 * port, so each check closes one way in:
 * - Host must be the served address: a page on evil.example that re-points its DNS name at
 *   127.0.0.1 (DNS rebinding) sends `Host: evil.example`, and would otherwise read the book.
 * - Origin, when the browser sends one, must be the served origin: a cross-origin fetch or form.
 * - API calls must be `application/json`: a browser only sends that cross-origin after a CORS
 *   preflight, which this server never answers, so `no-cors` and form posts are refused.
 * - API calls carry the per-run token that only the served page holds (it is written into the
 *   page, which no other origin can read).
 */
export function previewRefusal(headers: IncomingHttpHeaders, port: number, token: string, isApiCall: boolean): PreviewRefusal | undefined {
  const servedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = single(headers.host)?.toLowerCase();
  if (host === undefined || !servedHosts.includes(host)) return 'foreignHost';
  const origin = single(headers.origin);
  if (origin !== undefined && origin !== `http://${host}`) return 'foreignOrigin';
  if (!isApiCall) return undefined;
  const mediaType = single(headers['content-type'])?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return 'notJson';
  const given = single(headers[TOKEN_HEADER]);
  if (given === undefined || !sameToken(given, token)) return 'badToken';
  return undefined;
}
