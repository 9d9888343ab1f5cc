import type { InvoiceView, IsoDate, WorkbookRead } from '../../core';
import { collectionsSection } from './collectionsApi';

/** What one sidebar section adds to an opened document, from the same read (no tab is read twice), as of the sidebar's today. */
export type DetailSection = (read: WorkbookRead, document: InvoiceView, asOf: IsoDate) => unknown;

/** Sections that show more of an opened document, by name; openDocument answers each under `detail.sections[name]`. */
export const DETAIL_SECTIONS: Readonly<Record<string, DetailSection>> = {
  collections: collectionsSection,
};

/** Every section of one document, as openDocument and a change's answer carry them. */
export const detailSections = (read: WorkbookRead, document: InvoiceView, asOf: IsoDate): Record<string, unknown> =>
  Object.fromEntries(Object.entries(DETAIL_SECTIONS).map(([name, section]) => [name, section(read, document, asOf)]));
