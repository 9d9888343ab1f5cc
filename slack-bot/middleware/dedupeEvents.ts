import type { AnyMiddlewareArgs, AllMiddlewareArgs } from '@slack/bolt';

const REMEMBERED = 5_000;

/**
 * Slack resends an event (X-Slack-Retry-Num) when it thinks the first delivery failed; the
 * event_id stays the same, so an id seen before is acknowledged and not handled twice.
 */
export function dedupeEvents() {
  const seen = new Set<string>();
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const eventId = (args.body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      if (seen.has(eventId)) {
        args.logger.info(`Ignored repeated event ${eventId} (retry ${args.context.retryNum ?? '?'}, ${args.context.retryReason ?? 'no reason'})`);
        return;
      }
      seen.add(eventId);
      if (seen.size > REMEMBERED) seen.delete(seen.values().next().value as string);
    }
    await args.next();
  };
}
