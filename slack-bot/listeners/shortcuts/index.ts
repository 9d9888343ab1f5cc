import type { App, MessageShortcut } from '@slack/bolt';
import type { BotServices } from '../../services';
import { SEARCH_INVOICE_SHORTCUT, searchInvoiceShortcut } from './searchInvoiceShortcut';

export const register = (app: App, services: BotServices): void => {
  app.shortcut<MessageShortcut>({ callback_id: SEARCH_INVOICE_SHORTCUT, type: 'message_action' }, searchInvoiceShortcut(services));
};
