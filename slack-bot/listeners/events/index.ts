import type { App } from '@slack/bolt';
import type { BotServices } from '../../services';
import { appHomeOpened } from './appHomeOpened';

export const register = (app: App, services: BotServices): void => {
  app.event('app_home_opened', appHomeOpened(services));
};
