import type { KnownBlock } from '@slack/types';

/** Block Kit's limits (api.slack.com/reference/block-kit): beyond them Slack answers invalid_blocks. */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextElements: 10,
  fallbackText: 3000,
} as const;

/** Slack mrkdwn treats &, < and > as control characters; user data must not open links or mentions. */
export const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A message's `text` (the notification and screen-reader fallback) is mrkdwn too, so it is built
 * from plain words and escaped here, once, whole: a customer called `<!channel>` pings nobody.
 */
export const fallbackText = (plain: string): string => clamp(escapeMrkdwn(plain), LIMITS.fallbackText);

/** Shortens to `max` characters with an ellipsis, never cutting an escape like `&amp;` in half. */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && !cut.slice(amp).includes(';') && amp > cut.length - 6) cut = cut.slice(0, amp);
  return `${cut}…`;
}

export const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clamp(text, LIMITS.sectionText) } });
export const header = (text: string): KnownBlock => ({ type: 'header', text: { type: 'plain_text', text: clamp(text, LIMITS.headerText), emoji: true } });
export const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: clamp(text, LIMITS.sectionText) }] });
export const divider = (): KnownBlock => ({ type: 'divider' });

export const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger') => ({
  type: 'button' as const,
  text: { type: 'plain_text' as const, text: clamp(text, LIMITS.buttonText), emoji: true },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});
