import {
  type Book,
  type DocumentDetail,
  type InvoiceView,
  type Ledger,
  type PromiseStatus,
  type ProjectedBook,
  CHILE,
  bookOfProjection,
  buildLedger,
  decodeProjection,
  documentKey,
  mergeDetail,
  mergeProjected,
} from '../../core';
import type { DocumentChanges, SidebarLoad, VersionStep } from '../server/api';

/**
 * What the sidebar knows of the workbook, without the page: the projection from the first load
 * as a Book core reads (ledger, query, reports), the details of the documents opened, and the
 * version they were read at. A change's answer is merged only if it follows that version;
 * otherwise the sheet changed behind the sidebar's back and the whole projection is loaded again.
 */
export class SidebarData {
  readonly load: SidebarLoad;
  projected: ProjectedBook;
  book: Book;
  ledger: Ledger;
  version: string;
  readonly details = new Map<string, DocumentDetail>();
  /** Each document's latest promise status, for the `promesa:` filter (the projection has no Gestiones). */
  readonly promises: Map<string, PromiseStatus>;

  constructor(load: SidebarLoad) {
    this.load = load;
    this.projected = decodeProjection(load.projection, CHILE);
    this.book = bookOfProjection(this.projected, load.issuer);
    this.ledger = buildLedger(this.book, load.today, CHILE);
    this.version = load.version;
    this.promises = new Map(Object.entries(load.promises));
  }

  readonly promiseOf = (view: InvoiceView): PromiseStatus | null => this.promises.get(documentKey(view)) ?? null;

  /** Whether a version an answer carries is the one this data was read at. */
  isCurrent(version: string | null): boolean {
    return version === null || version === this.version;
  }

  /** 'stale' when the answer does not follow this data's version: nothing is merged, load again. */
  merge(answer: { readonly changes: DocumentChanges; readonly version: VersionStep }): 'merged' | 'stale' {
    if (answer.version.before !== this.version) return 'stale';
    const changed = decodeProjection(answer.changes.projection, CHILE);
    this.projected = mergeProjected(this.projected, changed);
    this.book = bookOfProjection(this.projected, this.load.issuer);
    this.ledger = buildLedger(this.book, this.load.today, CHILE);
    for (const [key, status] of Object.entries(answer.changes.promises)) {
      if (status === null) this.promises.delete(key);
      else this.promises.set(key, status);
    }
    for (const [key, detail] of this.details) {
      const merged = mergeDetail(detail, { documents: changed.documents, payments: answer.changes.payments, history: answer.changes.history });
      this.details.set(key, { ...merged, sections: answer.changes.sections[key] ?? merged.sections });
    }
    this.version = answer.version.after;
    return 'merged';
  }

  /** What a change is sent with, so its answer carries these documents' sections as they then read. */
  heldKeys(): string[] {
    return [...this.details.keys()];
  }

  setDetail(detail: DocumentDetail): void {
    this.details.set(documentKey(detail.document), detail);
  }
}
