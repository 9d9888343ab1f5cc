import { App } from './app';
import { h, replaceChildren } from './dom';
import { listView } from './listView';
import { detailView } from './detailView';
import { reportsView } from './reportsView';
import { siiTabLabel, siiView } from './siiView';

declare global {
  interface Window {
    /** Set by the server when the menu opens the sidebar on another view than the list. */
    __FACTURAS_VIEW__?: string;
  }
}

const app = new App();
const root = document.getElementById('app')!;

function header(): HTMLElement {
  const t = app.t;
  const tab = (name: 'list' | 'reports' | 'sii', label: string) =>
    h('button', { type: 'button', class: `tab${app.view.name === name || (name === 'list' && app.view.name === 'detail') ? ' active' : ''}`, 'data-testid': `tab-${name}`, onclick: () => app.show({ name }) }, label);
  return h(
    'header',
    {},
    h('nav', {}, tab('list', t.list), tab('reports', t.reports), tab('sii', siiTabLabel(app.locale))),
    h('button', { type: 'button', class: 'link lang', 'data-testid': 'language', onclick: () => app.setLocale(app.locale === 'es' ? 'en' : 'es') }, t.switchLanguage),
  );
}

function render(): void {
  const t = app.t;
  const state = app.state;
  const notice = app.notice ? h('div', { class: `notice notice-${app.notice.kind}`, role: app.notice.kind === 'error' ? 'alert' : 'status', 'data-testid': `notice-${app.notice.kind}` }, app.notice.text) : null;
  if (!state) {
    replaceChildren(root, header(), notice ?? h('p', { class: 'loading' }, t.loading));
    return;
  }
  const problems =
    state.issues.length > 0
      ? h('details', { class: 'problems', 'data-testid': 'read-issues' }, h('summary', {}, t.rowsWithProblems(state.issues.length)), h('ul', {}, state.issues.slice(0, 200).map((i) => h('li', {}, app.issueText([i])))))
      : null;
  const view = app.view.name === 'detail' ? detailView(app, app.view.key) : app.view.name === 'reports' ? reportsView(app) : app.view.name === 'sii' ? siiView(app) : listView(app);
  replaceChildren(root, header(), state.environment === 'preview' ? h('div', { class: 'badge' }, t.preview) : null, notice, problems, view);
  root.setAttribute('aria-busy', String(app.busy));
}

app.onRender(render);
if (window.__FACTURAS_VIEW__ === 'reports') app.view = { name: 'reports' };
render();
void app.load();
