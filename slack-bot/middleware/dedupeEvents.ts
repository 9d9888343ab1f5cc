import type { AnyMiddlewareArgs, AllMiddlewareArgs } from '@slack/bolt';

/** Whether an event id is new to every replica (see BotState.firstSighting). */
export type FirstSighting = (eventId: string, teamId: string | undefined) => Promise<boolean>;

/**
 * Slack resends an event (X-Slack-Retry-Num) when it thinks the first delivery failed, maybe to
 * another replica behind the load balancer; the event_id stays the same, so an id any replica saw
 * is acknowledged and not handled twice. If the state cannot be reached the event is handled:
 * a repeated Home tab beats a lost one.
 */
export function dedupeEvents(firstSighting: FirstSighting) {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const body = args.body as { event_id?: unknown; team_id?: unknown };
    const eventId = body.event_id;
    if (typeof eventId === 'string') {
      let first = true;
      try {
        first = await firstSighting(eventId, typeof body.team_id === 'string' ? body.team_id : undefined);
      } catch (error) {
        args.logger.warn(`Could not check whether event ${eventId} was handled already (${(error as Error).message}); handling it`);
      }
      if (!first) {
        args.logger.info(`Ignored repeated event ${eventId} (retry ${args.context.retryNum ?? '?'}, ${args.context.retryReason ?? 'no reason'})`);
        return;
      }
    }
    await args.next();
  };
}
