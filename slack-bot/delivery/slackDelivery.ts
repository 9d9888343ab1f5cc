import { webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { Logger } from '@slack/bolt';
import type { BotState, Claim } from '../state/botState';

type WebClient = InstanceType<typeof webApi.WebClient>;

export interface OutgoingMessage {
  readonly text: string;
  readonly blocks?: KnownBlock[];
}

export type Recipient = { readonly channel: string } | { readonly user: string };

export type DeliveryOutcome = 'sent' | 'already-delivered' | 'stopped';

export interface SlackDelivery {
  /**
   * Posts a message at most once per key and at least once, also across replicas: the key is
   * claimed in the state before sending and marked delivered after; every message carries its
   * key as metadata, so a post whose outcome is unknown is settled from the channel's history.
   */
  deliverOnce(key: string, to: Recipient, message: OutgoingMessage): Promise<DeliveryOutcome>;
  /** Settles the claims a stopped or killed bot left: delivered if its message is in the channel, else free again. */
  settleAbandoned(): Promise<number>;
  /** No new post starts; the one in flight finishes, one waiting out a rate limit gives its claim back. */
  stop(): Promise<void>;
}

export interface DeliveryOptions {
  /** Must not retry by itself (retries: 0): a post whose answer was lost would go out again. */
  readonly client: WebClient;
  readonly state: BotState;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Slack allows about one message a second per channel. */
  readonly minIntervalMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly maxRateLimitRetries?: number;
  /** Posts tried again after a failure that left it unknown whether Slack took them (and the history said no). */
  readonly maxUncertainRetries?: number;
}

const DELIVERY_EVENT = 'facturas_delivery';
/** Without a claim time (a state file from an older version), only the latest messages are read. */
const HISTORY_LOOKBACK = 100;
const HISTORY_PAGE = 200;
const HISTORY_PAGES = 10;
/** Slack's clock and ours may differ; the history is read from this long before the claim. */
const CLOCK_MARGIN_SECONDS = 300;
// Unref'd: a wait cut short by stop() must not keep a stopped process alive for the rest of a Retry-After.
const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

const codeOf = (error: unknown): unknown => (error as { code?: unknown })?.code;
const isRateLimited = (error: unknown): error is { code: string; retryAfter: number } => codeOf(error) === webApi.ErrorCode.RateLimitedError;
/** Slack answered `ok: false` (channel_not_found, invalid_blocks…): nothing was posted. */
const isRefusal = (error: unknown): boolean => codeOf(error) === webApi.ErrorCode.PlatformError;

interface MessageWithMetadata {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: { key?: unknown } };
}

export function createSlackDelivery(options: DeliveryOptions): SlackDelivery {
  const { client, state, logger, now } = options;
  const minInterval = options.minIntervalMs ?? 1100;
  const sleep = options.sleep ?? realSleep;
  const maxRateLimitRetries = options.maxRateLimitRetries ?? 5;
  const maxUncertainRetries = options.maxUncertainRetries ?? 2;
  const lastPostAt = new Map<string, number>();
  const dmChannels = new Map<string, string>();
  let stopping = false;
  let wakeOnStop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    wakeOnStop = resolve;
  });

  /** Waits, unless the bot is stopping; false then. */
  const wait = async (ms: number): Promise<boolean> => {
    await Promise.race([sleep(ms), stopped]);
    return !stopping;
  };

  async function rateLimited<T>(call: () => Promise<T>, what: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isRateLimited(error) || attempt >= maxRateLimitRetries) throw error;
        logger.warn(`Slack rate-limited ${what}; retrying in ${error.retryAfter}s`);
        await sleep(error.retryAfter * 1000);
      }
    }
  }

  async function channelOf(to: Recipient): Promise<string> {
    if ('channel' in to) return to.channel;
    const known = dmChannels.get(to.user);
    if (known) return known;
    const opened = await rateLimited(() => client.conversations.open({ users: to.user }), 'conversations.open');
    const id = opened.channel?.id;
    if (!id) throw new Error(`Slack opened no direct message with ${to.user}`);
    dmChannels.set(to.user, id);
    return id;
  }

  async function pace(channel: string): Promise<void> {
    const last = lastPostAt.get(channel);
    if (last === undefined) return;
    const gap = last + minInterval - now().getTime();
    if (gap > 0) await sleep(Math.min(gap, minInterval));
  }

  /** The ts of our message with this key in the channel, or undefined; throws when the history cannot be read. */
  async function findInChannel(key: string, channel: string, claimedAt: Date | undefined): Promise<string | undefined> {
    const oldest = claimedAt ? String(Math.floor(claimedAt.getTime() / 1000) - CLOCK_MARGIN_SECONDS) : undefined;
    let cursor: string | undefined;
    for (let page = 0; page < (oldest ? HISTORY_PAGES : 1); page++) {
      const history = await rateLimited(
        () =>
          client.conversations.history({
            channel,
            include_all_metadata: true,
            limit: oldest ? HISTORY_PAGE : HISTORY_LOOKBACK,
            ...(oldest ? { oldest } : {}),
            ...(cursor ? { cursor } : {}),
          }),
        'conversations.history',
      );
      const mine = (history.messages ?? []).find((m) => {
        const metadata = (m as MessageWithMetadata).metadata;
        return metadata?.event_type === DELIVERY_EVENT && metadata.event_payload?.key === key;
      });
      if (mine) return (mine as MessageWithMetadata).ts ?? '';
      cursor = history.response_metadata?.next_cursor || undefined;
      if (!history.has_more || !cursor) return undefined;
    }
    logger.warn(`Delivery ${key}: read ${HISTORY_PAGES} pages of ${channel}'s history without finding it; taking it as not posted`);
    return undefined;
  }

  async function settle(claim: Claim): Promise<void> {
    let ts: string | undefined;
    try {
      ts = await findInChannel(claim.key, claim.channel, claim.claimedAt);
    } catch (error) {
      // Without history access the safer error is a repeated post, never a lost one.
      logger.warn(`Could not read channel ${claim.channel} to settle delivery ${claim.key}: ${(error as Error).message}; it will be sent again`);
    }
    if (ts !== undefined) {
      logger.info(`Delivery ${claim.key} was already in ${claim.channel} (ts ${ts}); recorded as delivered`);
      await state.finishDelivery(claim.key, ts || undefined);
    } else {
      await state.releaseClaim(claim.key);
    }
  }

  async function post(key: string, channel: string, message: OutgoingMessage, claimedAt: Date): Promise<DeliveryOutcome> {
    let rateLimits = 0;
    let uncertain = 0;
    for (;;) {
      try {
        const answer = await client.chat.postMessage({
          channel,
          text: message.text,
          ...(message.blocks ? { blocks: message.blocks } : {}),
          unfurl_links: false,
          metadata: { event_type: DELIVERY_EVENT, event_payload: { key } },
        });
        lastPostAt.set(channel, now().getTime());
        await state.finishDelivery(key, answer.ts);
        return 'sent';
      } catch (error) {
        if (isRateLimited(error) && rateLimits < maxRateLimitRetries) {
          rateLimits++;
          logger.warn(`Slack rate-limited chat.postMessage to ${channel}; retrying in ${error.retryAfter}s`);
          await state.renewClaim(key);
          if (!(await wait(error.retryAfter * 1000))) {
            await state.releaseClaim(key);
            return 'stopped';
          }
          continue;
        }
        if (isRateLimited(error) || isRefusal(error)) {
          await state.releaseClaim(key);
          throw error;
        }
        // A timeout, a reset connection or a 5xx: Slack may have taken the post. Look before posting again.
        logger.warn(`Posting ${key} to ${channel} failed without a clear answer (${(error as Error).message}); checking the channel before any retry`);
        let ts: string | undefined;
        try {
          ts = await findInChannel(key, channel, claimedAt);
        } catch (historyError) {
          // The claim stays: once it expires, a bot that can read the history settles it.
          logger.warn(`Could not read ${channel}'s history to settle ${key}: ${(historyError as Error).message}; left claimed for later`);
          throw error;
        }
        if (ts !== undefined) {
          lastPostAt.set(channel, now().getTime());
          await state.finishDelivery(key, ts || undefined);
          return 'sent';
        }
        if (uncertain >= maxUncertainRetries || stopping) {
          await state.releaseClaim(key);
          throw error;
        }
        uncertain++;
        await state.renewClaim(key);
      }
    }
  }

  // One delivery at a time: the file state has a single pending slot, and the notifier and the alert share it.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    settleAbandoned: () =>
      serially(async () => {
        const claims = await state.takeAbandonedClaims();
        for (const claim of claims) await settle(claim);
        return claims.length;
      }),
    deliverOnce: (key, to, message) =>
      serially(async (): Promise<DeliveryOutcome> => {
        if (stopping) return 'stopped';
        const channel = await channelOf(to);
        const claimedAt = new Date();
        if (!(await state.claim(key, channel))) return 'already-delivered';
        await pace(channel);
        return post(key, channel, message, claimedAt);
      }),
    async stop() {
      stopping = true;
      wakeOnStop();
      await queue;
    },
  };
}
