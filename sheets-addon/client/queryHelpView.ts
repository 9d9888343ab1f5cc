import { type Locale, type QueryHelpRow, queryHelpData } from '../../core';
import { h } from './dom';

const helpRow = (row: QueryHelpRow) =>
  h(
    'div',
    { class: 'help-row' },
    row.examples.map((e) => h('code', {}, e)),
    row.what !== undefined ? h('span', { class: 'help-what' }, row.what) : null,
  );

/** Core's query guide laid out for 300 px: examples as code, what they do beside them. */
export function queryHelpView(locale: Locale, props: Record<string, unknown>): HTMLElement {
  const help = queryHelpData(locale);
  return h(
    'div',
    { class: 'help', ...props },
    h('div', { class: 'help-title' }, help.title),
    h('p', {}, help.intro),
    help.words.map(helpRow),
    help.sections.flatMap((section) => [
      h('div', { class: 'help-heading' }, section.heading),
      ...section.rows.map(helpRow),
      ...section.notes.map((note) => h('div', { class: 'help-row help-note' }, note)),
    ]),
    h('div', { class: 'help-heading' }, help.example.label, h('div', { class: 'help-row' }, h('code', {}, help.example.query))),
  );
}
