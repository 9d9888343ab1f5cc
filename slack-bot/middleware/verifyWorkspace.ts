import type { AnyMiddlewareArgs, AllMiddlewareArgs } from '@slack/bolt';

export interface ExpectedIdentity {
  readonly teamId: string;
  /** Absent when auth.test did not say; then only the team is checked. */
  readonly appId: string | undefined;
}

interface BodyIds {
  team_id?: string;
  team?: { id?: string } | null;
  api_app_id?: string;
  user?: { team_id?: string };
}

/** A validly signed request for another workspace or app is dropped: this bot serves one of each. */
export const verifyWorkspace =
  (expected: ExpectedIdentity) =>
  async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const body = args.body as BodyIds;
    const teamId = body.team_id ?? body.team?.id ?? body.user?.team_id;
    const appId = body.api_app_id;
    const wrongTeam = teamId !== undefined && teamId !== expected.teamId;
    const wrongApp = expected.appId !== undefined && appId !== undefined && appId !== expected.appId;
    if (wrongTeam || wrongApp || teamId === undefined) {
      args.logger.warn(`Dropped a request for team ${teamId ?? '?'} / app ${appId ?? '?'}; this bot serves team ${expected.teamId} / app ${expected.appId ?? '?'}`);
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    await args.next();
  };
