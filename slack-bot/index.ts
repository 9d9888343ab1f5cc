export { startBot, BotSettingsError, type BotHandle, type StartBotOptions } from './startBot';
export { hasSlackSettings, loadSettings, type BotSettings } from './settings';
