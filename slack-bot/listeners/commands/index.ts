import type { App } from '@slack/bolt';
import type { BotServices } from '../../services';
import { facturasCommand } from './facturasCommand';

export const register = (app: App, services: BotServices): void => {
  app.command('/facturas', facturasCommand(services));
};
