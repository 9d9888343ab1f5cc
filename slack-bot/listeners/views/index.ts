import type { App, ViewSubmitAction } from '@slack/bolt';
import type { BotServices } from '../../services';
import { PAYMENT_MODAL_CALLBACK } from '../../blocks/paymentModal';
import { paymentSubmission } from './paymentSubmission';
import { PROMISE_MODAL_CALLBACK } from '../../blocks/promiseModal';
import { promiseSubmission } from './promiseSubmission';

export const register = (app: App, services: BotServices): void => {
  app.view<ViewSubmitAction>(PAYMENT_MODAL_CALLBACK, paymentSubmission(services));
  app.view<ViewSubmitAction>(PROMISE_MODAL_CALLBACK, promiseSubmission(services));
};
