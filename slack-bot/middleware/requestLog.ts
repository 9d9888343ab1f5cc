import type { AnyMiddlewareArgs, AllMiddlewareArgs } from '@slack/bolt';

/** The header startBot sets on every incoming request (and returns), so one request's lines can be found across replicas. */
export const REQUEST_ID_HEADER = 'x-request-id';

interface BodyKinds {
  type?: string;
  command?: string;
  event?: { type?: string };
  actions?: { action_id?: string }[];
  view?: { callback_id?: string };
  callback_id?: string;
}

const kindOf = (body: BodyKinds): string => body.command ?? body.event?.type ?? body.actions?.[0]?.action_id ?? body.view?.callback_id ?? body.callback_id ?? body.type ?? 'request';

/** One line per request handled: its id, the team, what it was and how long the listeners took. */
export const requestLog =
  () =>
  async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const started = Date.now();
    const requestId = String((args.context as { requestId?: unknown }).requestId ?? '-');
    const what = `request ${requestId} team ${args.context.teamId ?? args.context.enterpriseId ?? '?'} ${kindOf(args.body as BodyKinds)}`;
    try {
      await args.next();
      args.logger.info(`${what} handled in ${Date.now() - started} ms`);
    } catch (error) {
      args.logger.error(`${what} failed after ${Date.now() - started} ms: ${(error as Error).message}`);
      throw error;
    }
  };
