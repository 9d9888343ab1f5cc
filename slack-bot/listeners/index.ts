import type { App } from '@slack/bolt';
import type { BotServices } from '../services';
import * as actions from './actions';
import * as commands from './commands';
import * as events from './events';
import * as shortcuts from './shortcuts';
import * as views from './views';

export const registerListeners = (app: App, services: BotServices): void => {
  actions.register(app, services);
  commands.register(app, services);
  events.register(app, services);
  shortcuts.register(app, services);
  views.register(app, services);
};
