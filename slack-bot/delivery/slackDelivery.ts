import { webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { Logger } from '@slack/bolt';

type WebClient = InstanceType<typeof webApi.WebClient>;
import type { BotState } from '../state/botState';

export interface OutgoingMessage {
  readonly text: string;
  readonly blocks?: KnownBlock[];
}

export type Recipient = { readonly channel: string } | { readonly user: string };

export interface SlackDelivery {
  /**
   * Posts a message at most once per key and at least once: the key is recorded as pending
   * before sending and delivered after; a pending key left by a crash is settled from the
   * channel's history, where every message carries its key as metadata.
   */
  deliverOnce(key: string, to: Recipient, message: OutgoingMessage): Promise<'sent' | 'already-delivered'>;
  settlePending(): Promise<void>;
}

export interface DeliveryOptions {
  readonly client: WebClient;
  readonly state: BotState;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Slack allows about one message a second per channel. */
  readonly minIntervalMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly maxRateLimitRetries?: number;
}

const DELIVERY_EVENT = 'facturas_delivery';
const HISTORY_LOOKBACK = 100;
const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const isRateLimited = (error: unknown): error is { code: string; retryAfter: number } =>
  (error as { code?: unknown })?.code === webApi.ErrorCode.RateLimitedError;

export function createSlackDelivery(options: DeliveryOptions): SlackDelivery {
  const { client, state, logger, now } = options;
  const minInterval = options.minIntervalMs ?? 1100;
  const sleep = options.sleep ?? realSleep;
  const maxRetries = options.maxRateLimitRetries ?? 5;
  const lastPostAt = new Map<string, number>();
  const dmChannels = new Map<string, string>();

  async function rateLimited<T>(call: () => Promise<T>, what: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isRateLimited(error) || attempt >= maxRetries) throw error;
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
    const wait = last + minInterval - now().getTime();
    if (wait > 0) await sleep(Math.min(wait, minInterval));
  }

  async function alreadyInChannel(key: string, channel: string): Promise<boolean> {
    const history = await rateLimited(
      () => client.conversations.history({ channel, limit: HISTORY_LOOKBACK, include_all_metadata: true }),
      'conversations.history',
    );
    return (history.messages ?? []).some((m) => {
      const metadata = (m as { metadata?: { event_type?: string; event_payload?: { key?: unknown } } }).metadata;
      return metadata?.event_type === DELIVERY_EVENT && metadata.event_payload?.key === key;
    });
  }

  async function settlePending(): Promise<void> {
    const pending = state.pending;
    if (!pending) return;
    let found = false;
    try {
      found = await alreadyInChannel(pending.key, pending.channel);
    } catch (error) {
      // Without history access the safer error is a repeated post, never a lost one.
      logger.warn(`Could not read channel ${pending.channel} to settle delivery ${pending.key}: ${(error as Error).message}; it will be sent again`);
    }
    if (found) await state.finishDelivery(pending.key);
    else await state.abandonPending();
  }

  // One delivery at a time: the state has a single pending slot, and the notifier and the alert share it.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    settlePending: () => serially(settlePending),
    deliverOnce: (key, to, message) => serially(async () => {
      await settlePending();
      if (state.isDelivered(key)) return 'already-delivered';
      const channel = await channelOf(to);
      await state.beginDelivery({ key, channel });
      await pace(channel);
      await rateLimited(
        () =>
          client.chat.postMessage({
            channel,
            text: message.text,
            ...(message.blocks ? { blocks: message.blocks } : {}),
            unfurl_links: false,
            metadata: { event_type: DELIVERY_EVENT, event_payload: { key } },
          }),
        `chat.postMessage to ${channel}`,
      );
      lastPostAt.set(channel, now().getTime());
      await state.finishDelivery(key);
      return 'sent' as const;
    }),
  };
}
