import { type DocDefinition, type DocumentDetail, type InvoiceView, CHILE, detailBook, invoicePdfOfBook } from '../../core';
import type { App } from './app';

interface PdfDocument {
  download(fileName: string): Promise<void>;
  getBase64(): Promise<string>;
  print(target?: Window | null): Promise<void>;
}

interface PdfMakeStatic {
  createPdf(definition: DocDefinition): PdfDocument;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
}

// pdfmake and its Roboto fonts are inlined in the sidebar HTML by the build: nothing comes from a CDN.
declare const pdfMake: PdfMakeStatic;

let policySet = false;
const pdfmake = (): PdfMakeStatic => {
  if (!policySet) {
    // Invoice text must never make pdfmake fetch anything.
    pdfMake.setUrlAccessPolicy(() => false);
    policySet = true;
  }
  return pdfMake;
};

/** An opened document's PDF, from its detail: its lines, payments, history and customer. */
export function invoicePdf(app: App, detail: DocumentDetail, view: InvoiceView): PdfDocument {
  const book = detailBook(detail, app.load.issuer);
  return pdfmake().createPdf(invoicePdfOfBook(book, view, { profile: CHILE, locale: app.locale, asOf: app.load.today, timeZone: app.load.timeZone }));
}

export const reportPdf = (definition: DocDefinition): PdfDocument => pdfmake().createPdf(definition);
