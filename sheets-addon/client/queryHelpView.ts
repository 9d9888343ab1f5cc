import { type Locale, queryHelp } from '../../core';
import { h } from './dom';

/**
 * Core's query help is plain text laid out in columns for a terminal or a Slack code block;
 * at 300 px those columns wrap into a jumble. Read its layout back instead: an indented line is
 * examples and, after the last run of 3+ spaces, what they do; an unindented line ending in ":"
 * is a heading; anything else is a sentence. Whatever the text says, it is all still shown.
 */
export function queryHelpView(locale: Locale, props: Record<string, unknown>): HTMLElement {
  const [title, ...lines] = queryHelp(locale).split('\n');
  return h(
    'div',
    { class: 'help', ...props },
    h('div', { class: 'help-title' }, title),
    lines.map((line) => {
      if (line.startsWith('  ')) {
        const segments = line.trim().split(/\s{3,}/);
        const last = segments[segments.length - 1]!;
        if (segments.length === 1 && last.includes(' ')) return h('div', { class: 'help-row help-note' }, last);
        const hasDescription = segments.length > 1 && last.includes(' ');
        const examples = hasDescription ? segments.slice(0, -1) : segments;
        return h('div', { class: 'help-row' }, examples.map((e) => h('code', {}, e)), hasDescription ? h('span', { class: 'help-what' }, last) : null);
      }
      const example = /^([^:]+):\s(.+)$/.exec(line);
      if (line.endsWith(':')) return h('div', { class: 'help-heading' }, line.slice(0, -1));
      if (example && !example[2]!.includes(', ')) return h('div', { class: 'help-heading' }, example[1], h('div', { class: 'help-row' }, h('code', {}, example[2])));
      return h('p', {}, line);
    }),
  );
}
