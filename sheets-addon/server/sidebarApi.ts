import type { Locale } from '../../core';
import type { ServerApiImpl } from './api';
import type { EmailInput, PaymentInput, ReportSheetInput, VoidInput } from './inputs';

/**
 * Every function the sidebar may call, bound to one environment's ports. Apps Script exposes
 * these as top-level functions (main.ts), the preview as POST /api/<name>; the sidebar's client
 * is typed by `ServerApi`, so a renamed function breaks the type-check, not the user.
 */
export const sidebarApi = (api: ServerApiImpl) => ({
  loadSidebar: () => api.loadSidebar(),
  recordPayment: (input: PaymentInput) => api.recordPayment(input),
  voidDocument: (input: VoidInput) => api.voidDocument(input),
  emailInvoice: (input: EmailInput) => api.emailInvoice(input),
  createReportSheet: (input: ReportSheetInput) => api.createReportSheet(input),
  saveLocale: (locale: Locale) => api.saveLocale(locale),
  previewSiiImport: (files: unknown) => api.previewSiiImport(files),
  importSiiFiles: (files: unknown) => api.importSiiFiles(files),
  reconcileRcv: (file: unknown, period?: string) => api.reconcileRcv(file, period),
});

export type ServerApi = ReturnType<typeof sidebarApi>;
export type ServerFunctionName = keyof ServerApi;
