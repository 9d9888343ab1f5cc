import { createHmac } from 'node:crypto';
import type { FakeSlackApi } from '../fakes/slackApi';

export const SIGNING_SECRET = 'test-signing-secret-5f1c2e';
export const ADMIN = 'UADMIN01';
export const CLERK = 'UCLERK01';
export const MANAGER = 'UMANAGER1';
export const CHANNEL = 'C0SALES1';
export const NOTIFY_CHANNEL = 'C0NOTIFY1';

export interface SignedOptions {
  /** Seconds since the epoch; default the wall clock, as Slack signs. */
  readonly timestamp?: number;
  readonly secret?: string;
  readonly headers?: Record<string, string>;
}

export interface SlackResponse {
  readonly status: number;
  readonly text: string;
}

/** Posts like Slack does: `v0=` HMAC-SHA256 of `v0:timestamp:body` with the signing secret. */
export async function signedPost(url: string, body: string, contentType: string, options: SignedOptions = {}): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature, ...options.headers },
    body,
  });
  return { status: response.status, text: await response.text() };
}

export class SlackPayloads {
  private counter = 0;
  constructor(
    private readonly slack: FakeSlackApi,
    private readonly eventsUrl: string,
  ) {}

  private next(): string {
    return String(++this.counter);
  }

  command(text: string, user: string, options: SignedOptions & { teamId?: string } = {}): Promise<SlackResponse> {
    const tag = `command-${this.next()}`;
    const body = new URLSearchParams({
      token: 'deprecated-verification-token',
      team_id: options.teamId ?? this.slack.identity.teamId,
      team_domain: 'facturas-test',
      channel_id: CHANNEL,
      channel_name: 'ventas',
      user_id: user,
      user_name: user.toLowerCase(),
      command: '/facturas',
      text,
      api_app_id: this.slack.identity.appId,
      is_enterprise_install: 'false',
      response_url: this.slack.responseUrl(tag),
      trigger_id: `trigger-${tag}`,
    }).toString();
    return signedPost(this.eventsUrl, body, 'application/x-www-form-urlencoded', options);
  }

  /** The tag of the response_url a request carried, to find what the bot answered. */
  lastTag(prefix: string): string {
    return `${prefix}-${this.counter}`;
  }

  interactive(payload: Record<string, unknown>, options: SignedOptions = {}): Promise<SlackResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return signedPost(this.eventsUrl, body, 'application/x-www-form-urlencoded', options);
  }

  buttonClick(actionId: string, value: string, user: string, options: SignedOptions = {}): Promise<SlackResponse> {
    const tag = `action-${this.next()}`;
    return this.interactive(
      {
        type: 'block_actions',
        team: { id: this.slack.identity.teamId, domain: 'facturas-test' },
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: this.slack.identity.teamId },
        api_app_id: this.slack.identity.appId,
        token: 'deprecated-verification-token',
        container: { type: 'message', message_ts: '1760000000.000100', channel_id: CHANNEL, is_ephemeral: true },
        trigger_id: `trigger-${tag}`,
        channel: { id: CHANNEL, name: 'ventas' },
        response_url: this.slack.responseUrl(tag),
        actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, text: { type: 'plain_text', text: 'x' }, action_ts: '1760000000.000200' }],
      },
      options,
    );
  }

  viewSubmission(callbackId: string, privateMetadata: string, values: Record<string, Record<string, unknown>>, user: string): Promise<SlackResponse> {
    return this.interactive({
      type: 'view_submission',
      team: { id: this.slack.identity.teamId, domain: 'facturas-test' },
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: this.slack.identity.teamId },
      api_app_id: this.slack.identity.appId,
      token: 'deprecated-verification-token',
      trigger_id: `trigger-view-${this.next()}`,
      view: {
        id: 'V123',
        team_id: this.slack.identity.teamId,
        type: 'modal',
        callback_id: callbackId,
        private_metadata: privateMetadata,
        blocks: [],
        title: { type: 'plain_text', text: 'x' },
        state: { values },
        hash: 'h',
        app_id: this.slack.identity.appId,
        bot_id: this.slack.identity.botId,
      },
      response_urls: [],
    });
  }

  messageShortcut(callbackId: string, text: string, user: string): Promise<SlackResponse> {
    const tag = `shortcut-${this.next()}`;
    return this.interactive({
      type: 'message_action',
      callback_id: callbackId,
      trigger_id: `trigger-${tag}`,
      message_ts: '1760000000.000300',
      response_url: this.slack.responseUrl(tag),
      team: { id: this.slack.identity.teamId, domain: 'facturas-test' },
      channel: { id: CHANNEL, name: 'ventas' },
      user: { id: user, name: user.toLowerCase() },
      message: { type: 'message', user: 'UOTHER', ts: '1760000000.000300', text },
      token: 'deprecated-verification-token',
      action_ts: '1760000000.000400',
    });
  }

  event(event: Record<string, unknown>, eventId: string, options: SignedOptions = {}): Promise<SlackResponse> {
    const body = JSON.stringify({
      token: 'deprecated-verification-token',
      team_id: this.slack.identity.teamId,
      api_app_id: this.slack.identity.appId,
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: 1760000000,
      authorizations: [{ team_id: this.slack.identity.teamId, user_id: this.slack.identity.botUserId, is_bot: true, is_enterprise_install: false }],
    });
    return signedPost(this.eventsUrl, body, 'application/json', options);
  }
}

/** Polls until the condition holds; the deadline only bounds a broken test, nothing is timed. */
export async function eventually<T>(probe: () => T | undefined | false, what: string, deadlineMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - start > deadlineMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
