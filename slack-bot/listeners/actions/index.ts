import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { BotServices } from '../../services';
import { OPEN_INVOICE_ACTION, RESULTS_PAGE_ACTION_NEXT, RESULTS_PAGE_ACTION_PREVIOUS } from '../../blocks/searchResults';
import { INVOICE_PDF_ACTION, RECORD_PAYMENT_ACTION } from '../../blocks/invoiceDetail';
import { openInvoice } from './openInvoice';
import { resultsPage } from './resultsPage';
import { invoicePdf } from './invoicePdf';
import { recordPayment } from './recordPayment';
import { RECORD_PROMISE_ACTION } from '../../blocks/promiseModal';
import { recordPromiseAction } from './recordPromise';
import { STATEMENT_PDF_ACTION } from '../../blocks/customerStatement';
import { statementPdf } from './statementPdf';

export const register = (app: App, services: BotServices): void => {
  app.action<BlockAction<ButtonAction>>(OPEN_INVOICE_ACTION, openInvoice(services));
  app.action<BlockAction<ButtonAction>>(RESULTS_PAGE_ACTION_PREVIOUS, resultsPage(services));
  app.action<BlockAction<ButtonAction>>(RESULTS_PAGE_ACTION_NEXT, resultsPage(services));
  app.action<BlockAction<ButtonAction>>(INVOICE_PDF_ACTION, invoicePdf(services));
  app.action<BlockAction<ButtonAction>>(RECORD_PAYMENT_ACTION, recordPayment(services));
  app.action<BlockAction<ButtonAction>>(RECORD_PROMISE_ACTION, recordPromiseAction(services));
  app.action<BlockAction<ButtonAction>>(STATEMENT_PDF_ACTION, statementPdf(services));
};
