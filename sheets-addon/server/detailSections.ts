import type { InvoiceDocument, WorkbookRead } from '../../core';

/** What one sidebar section adds to an opened document, from the same read (no tab is read twice). */
export type DetailSection = (read: WorkbookRead, document: InvoiceDocument) => unknown;

/**
 * Sections that show more of an opened document, by name; openDocument answers each under
 * `detail.sections[name]`. The collections log of a document is meant to go here.
 */
export const DETAIL_SECTIONS: Readonly<Record<string, DetailSection>> = {};
