import type { App, ViewSubmitAction } from '@slack/bolt';
import type { BotServices } from '../../services';
import { PAYMENT_MODAL_CALLBACK } from '../../blocks/paymentModal';
import { paymentSubmission } from './paymentSubmission';

export const register = (app: App, services: BotServices): void => {
  app.view<ViewSubmitAction>(PAYMENT_MODAL_CALLBACK, paymentSubmission(services));
};
