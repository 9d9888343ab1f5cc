import { App, ExpressReceiver, type Logger, type webApi } from '@slack/bolt';
import type { BotServices } from './services';
import { registerListeners } from './listeners';
import { type ExpectedIdentity, verifyWorkspace } from './middleware/verifyWorkspace';
import { type FirstSighting, dedupeEvents } from './middleware/dedupeEvents';
import { REQUEST_ID_HEADER, requestLog } from './middleware/requestLog';

export interface BoltAppOptions {
  readonly services: BotServices;
  readonly identity: ExpectedIdentity & { readonly botId: string; readonly botUserId: string };
  readonly logger: Logger;
  readonly retryConfig?: webApi.RetryOptions;
  /** Web API request timeout for the listeners' calls. */
  readonly timeoutMs?: number;
  /** Shared by every replica (the bot state), so an event Slack retries to another one is handled once. */
  readonly firstSighting: FirstSighting;
}

/**
 * The Bolt app over HTTP: every request's signature is verified by the receiver (never
 * disabled), then the workspace and app are checked, repeated events dropped, and the
 * listeners run. Served by startBot, which refuses out-of-date timestamps first.
 */
export function createBoltApp(options: BoltAppOptions): { app: App; receiver: ExpressReceiver } {
  const { services, identity, logger } = options;
  const receiver = new ExpressReceiver({
    signingSecret: services.settings.signingSecret,
    signatureVerification: true,
    logger,
    customPropertiesExtractor: (req) => ({ requestId: String(req.headers[REQUEST_ID_HEADER] ?? '-') }),
  });
  const app = new App({
    token: services.settings.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    receiver,
    logger,
    // No listener keeps conversation state; Bolt's in-memory store would be read for every request.
    convoStore: false,
    clientOptions: {
      ...(services.settings.slackApiUrl ? { slackApiUrl: services.settings.slackApiUrl } : {}),
      ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
      ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
    },
  });
  app.use(verifyWorkspace(identity));
  app.use(requestLog());
  app.use(dedupeEvents(options.firstSighting));
  registerListeners(app, services);
  app.error(async (error) => {
    logger.error(`Unhandled error in a Slack listener: ${error.stack ?? error.message}`);
  });
  return { app, receiver };
}
