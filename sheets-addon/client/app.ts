import { type Issue, type Ledger, type Locale, CHILE, buildLedger, formatIssue } from '../../core';
import type { SidebarState } from '../server/api';
import { callServer } from './serverClient';
import { type UiText, uiText } from './i18n';

export type View = { readonly name: 'list' } | { readonly name: 'detail'; readonly key: string } | { readonly name: 'reports' } | { readonly name: 'sii' };

export interface ListControls {
  text: string;
  from: string;
  to: string;
  customer: string;
  status: string;
  origin: string;
  sort: string;
  offset: number;
}

export type Notice = { readonly kind: 'ok' | 'error'; readonly text: string } | null;

/** What the sidebar holds: the one load from the server, and how the user is looking at it. */
export class App {
  state: SidebarState | null = null;
  ledger: Ledger | null = null;
  locale: Locale = 'es';
  view: View = { name: 'list' };
  notice: Notice = null;
  busy = false;
  controls: ListControls = { text: '', from: '', to: '', customer: '', status: '', origin: '', sort: '', offset: 0 };
  private renderer: () => void = () => {};

  get t(): UiText {
    return uiText(this.locale);
  }

  onRender(render: () => void): void {
    this.renderer = render;
  }

  render(): void {
    this.renderer();
  }

  /** Every new state (first load or the answer to a change) rebuilds the ledger once. */
  setState(state: SidebarState): void {
    this.state = state;
    this.ledger = buildLedger(state.book, state.today, CHILE);
  }

  async load(): Promise<void> {
    try {
      const state = await callServer('loadSidebar');
      this.setState(state);
      if (this.notice?.kind === 'error') this.notice = null;
      this.locale = state.locale;
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
    }
    this.render();
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
