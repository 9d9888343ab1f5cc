import type { IncomingMessage } from 'node:http';

const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Bolt's receivers refuse timestamps more than five minutes old but accept any future one,
 * so a captured request signed with a far-future timestamp could be replayed later; this
 * refuses both directions before the signature is even checked. Signatures are made with
 * Slack's wall clock, so this compares with the machine's wall clock, not the bot's injected one.
 */
export function isFreshSlackRequest(req: IncomingMessage, nowMs: number = Date.now()): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const timestamp = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(timestamp)) return false;
  return Math.abs(Math.floor(nowMs / 1000) - timestamp) <= MAX_SKEW_SECONDS;
}
