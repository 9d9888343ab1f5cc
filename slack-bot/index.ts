export { startBot, BotSettingsError, type BotHandle, type StartBotOptions } from './startBot';
export { loadSettings, type BotSettings } from './settings';
