/** A setting is missing or wrong, or Slack refused the token: the message says which. */
export class BotSettingsError extends Error {
  override readonly name = 'BotSettingsError';
}
