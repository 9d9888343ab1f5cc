import type { InvoiceView, IsoDate, WorkbookRead } from '../../core';
import { collectionsSection } from './collectionsApi';

/**
 * What one sidebar section adds to each of some opened documents, from the same read (no tab is
 * read twice), as of the sidebar's today; a section that reads the whole book does it once for all.
 */
export type DetailSection = (read: WorkbookRead, documents: readonly InvoiceView[], asOf: IsoDate) => readonly unknown[];

/** Sections that show more of an opened document, by name; openDocument answers each under `detail.sections[name]`. */
export const DETAIL_SECTIONS: Readonly<Record<string, DetailSection>> = {
  collections: collectionsSection,
};

/** Every section of each document, in the documents' order, as openDocument and a change's answer carry them. */
export function detailSections(read: WorkbookRead, documents: readonly InvoiceView[], asOf: IsoDate): Record<string, unknown>[] {
  const bySection = Object.entries(DETAIL_SECTIONS).map(([name, section]) => [name, section(read, documents, asOf)] as const);
  return documents.map((_, index) => Object.fromEntries(bySection.map(([name, values]) => [name, values[index]])));
}
