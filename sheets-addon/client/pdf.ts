import { type DocDefinition, type InvoiceView, type Locale, CHILE, invoicePdfOfBook } from '../../core';
import type { SidebarState } from '../server/api';

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

export function invoicePdf(state: SidebarState, view: InvoiceView, locale: Locale): PdfDocument {
  const { book } = state;
  return pdfmake().createPdf(invoicePdfOfBook(book, view, { profile: CHILE, locale, asOf: state.today, timeZone: state.timeZone }));
}

export const reportPdf = (definition: DocDefinition): PdfDocument => pdfmake().createPdf(definition);
