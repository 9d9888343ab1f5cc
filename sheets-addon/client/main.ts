import { App, registerSection, sidebarSections } from './app';
import { siiTabLabel, siiView } from './siiView';
import { h, replaceChildren } from './dom';
import { listView } from './listView';
import { detailView } from './detailView';
import { reportsView } from './reportsView';

declare global {
  interface Window {
    /** Set by the server when the menu opens the sidebar on another view than the list. */
    __FACTURAS_VIEW__?: string;
  }
}

// The tabs, in order. A new part of the sidebar registers its own section from its own file.
registerSection({ name: 'list', label: (t) => t.list, render: listView });
registerSection({ name: 'reports', label: (t) => t.reports, render: reportsView });
registerSection({ name: 'sii', label: () => siiTabLabel(), render: siiView });

const app = new App();
const root = document.getElementById('app')!;

function header(): HTMLElement {
  const t = app.t;
  const current = app.view.name === 'detail' ? 'list' : app.view.name;
  const tab = (name: string, label: string) =>
    h('button', { type: 'button', class: `tab${current === name ? ' active' : ''}`, 'data-testid': `tab-${name}`, onclick: () => app.show({ name }) }, label);
  return h(
    'header',
    {},
    h('nav', {}, sidebarSections().map((section) => tab(section.name, section.label(t)))),
    h('button', { type: 'button', class: 'link lang', 'data-testid': 'language', onclick: () => app.setLocale(app.locale === 'es' ? 'en' : 'es') }, t.switchLanguage),
  );
}

function render(): void {
  const t = app.t;
  const data = app.data;
  const notice = app.notice ? h('div', { class: `notice notice-${app.notice.kind}`, role: app.notice.kind === 'error' ? 'alert' : 'status', 'data-testid': `notice-${app.notice.kind}` }, app.notice.text) : null;
  if (!data) {
    replaceChildren(root, header(), notice ?? h('p', { class: 'loading' }, t.loading));
    return;
  }
  const load = data.load;
  const problems =
    load.issueCount > 0
      ? h('details', { class: 'problems', 'data-testid': 'read-issues' }, h('summary', {}, t.rowsWithProblems(load.issueCount)), h('ul', {}, load.issues.map((i) => h('li', {}, app.issueText([i])))))
      : null;
  const section = sidebarSections().find((s) => s.name === app.view.name) ?? sidebarSections()[0]!;
  const view = app.view.name === 'detail' && app.view.key !== undefined ? detailView(app, app.view.key) : section.render(app);
  replaceChildren(root, header(), load.environment === 'preview' ? h('div', { class: 'badge' }, t.preview) : null, notice, problems, view);
  root.setAttribute('aria-busy', String(app.busy));
}

app.onRender(render);
if (window.__FACTURAS_VIEW__ && sidebarSections().some((s) => s.name === window.__FACTURAS_VIEW__)) app.view = { name: window.__FACTURAS_VIEW__ };
render();
void app.reload();
// Back to the sidebar after working in the sheet: a cheap check, and a reload only if something changed.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void app.checkVersion();
});
window.addEventListener('focus', () => void app.checkVersion());
