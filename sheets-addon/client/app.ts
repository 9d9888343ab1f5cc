import { type Issue, type Ledger, type Locale, formatIssue } from '../../core';
import type { DocumentChanges, SidebarLoad, VersionStep } from '../server/api';
import { callServer } from './serverClient';
import { SidebarData } from './sidebarData';
import { type UiText, uiText } from './i18n';

/** The list, an opened document, or one of the registered sections (reports, and what other parts add). */
export type View = { readonly name: string; readonly key?: string };

/** A tab of the sidebar: its view's name, its label, and how it draws. */
export interface SidebarSection {
  readonly name: string;
  readonly label: (t: UiText) => string;
  readonly render: (app: App) => HTMLElement;
}

const sections: SidebarSection[] = [];

/** Adds a tab; a new part of the sidebar registers itself from its own file (imported once by main.ts). */
export function registerSection(section: SidebarSection): void {
  if (!sections.some((s) => s.name === section.name)) sections.push(section);
}

export const sidebarSections = (): readonly SidebarSection[] => sections;

export interface ListControls {
  text: string;
  from: string;
  to: string;
  customer: string;
  status: string;
  origin: string;
  sort: string;
}

export type Notice = { readonly kind: 'ok' | 'error'; readonly text: string } | null;

/** What the sidebar holds: the data from the server, and how the user is looking at it. */
export class App {
  data: SidebarData | null = null;
  mailQuota = 0;
  locale: Locale = 'es';
  view: View = { name: 'list' };
  notice: Notice = null;
  busy = false;
  /** Where the list was scrolled to, kept while a document is open. */
  listScrollTop = 0;
  controls: ListControls = { text: '', from: '', to: '', customer: '', status: '', origin: '', sort: '' };
  private renderer: () => void = () => {};
  private loading: Promise<void> | null = null;

  get t(): UiText {
    return uiText(this.locale);
  }

  get load(): SidebarLoad {
    return this.data!.load;
  }

  get ledger(): Ledger {
    return this.data!.ledger;
  }

  onRender(render: () => void): void {
    this.renderer = render;
  }

  render(): void {
    this.renderer();
  }

  /** A first load, or the whole projection again after the sheet changed behind the sidebar's back. */
  async reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const load = await callServer('loadSidebar');
        const first = this.data === null;
        this.data = new SidebarData(load);
        this.mailQuota = load.mailQuota;
        if (this.notice?.kind === 'error') this.notice = null;
        if (first) this.locale = load.locale;
      } catch (error) {
        this.notice = { kind: 'error', text: (error as Error).message };
      } finally {
        this.loading = null;
      }
      this.render();
    })();
    return this.loading;
  }

  /** A change's answer: merged when it follows what the sidebar holds, else everything is loaded again. */
  async applyChanges(answer: { readonly changes: DocumentChanges; readonly version: VersionStep }): Promise<void> {
    if (this.data?.merge(answer) !== 'merged') await this.reload();
  }

  /** Any answer's version that is not the sidebar's means someone else wrote: load again. */
  async followVersion(version: string | null): Promise<void> {
    if (this.data && !this.data.isCurrent(version)) await this.reload();
  }

  private readonly opening = new Set<string>();

  /** An opened document whose detail is neither here nor on its way is fetched. */
  requestDetail(key: string): void {
    if (this.data?.details.has(key) || this.opening.has(key)) return;
    void this.openDocument(key);
  }

  /** Fetches an opened document's lines, payments and history once; the answer's version also tells whether the list is stale. */
  async openDocument(key: string): Promise<void> {
    this.opening.add(key);
    try {
      const answer = await callServer('openDocument', { document: key });
      await this.followVersion(answer.version);
      if (answer.ok) this.data?.setDetail(answer.detail);
      else this.notice = { kind: 'error', text: this.issueText(answer.issues) };
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
    } finally {
      this.opening.delete(key);
    }
    this.render();
  }

  /** Cheap: the server reads no values. Called when the sidebar comes back into view. */
  async checkVersion(): Promise<void> {
    if (!this.data || this.busy) return;
    try {
      await this.followVersion(await callServer('checkVersion'));
    } catch {
      // A failed check changes nothing; the next answer carries a version again.
    }
  }

  issueText(issues: readonly Issue[]): string {
    return issues.map((i) => formatIssue(i, this.locale)).join('\n');
  }

  show(view: View): void {
    this.view = view;
    this.notice = null;
    this.render();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    // A notice was written in the other language; better none than a mixed page.
    this.notice = null;
    document.documentElement.lang = locale;
    this.render();
    // Remembered for next time; the sidebar does not wait for it.
    callServer('saveLocale', locale).catch(() => undefined);
  }

  /** Runs one server call with the sidebar marked busy; failures become a notice, never a stack. */
  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.notice = null;
    this.render();
    try {
      return await work();
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
      return undefined;
    } finally {
      this.busy = false;
      this.render();
    }
  }
}
