import { h, replaceChildren } from './dom';

export interface WindowedListOptions<T> {
  /** How many rows the whole list has: the scroll height is made for all of them. */
  readonly count: number;
  /** Rows `start` to `end` (exclusive), asked for only when they come into view. */
  readonly rowsBetween: (start: number, end: number) => readonly T[];
  readonly renderRow: (item: T, index: number) => HTMLElement;
  /** Every row is this tall (CSS keeps it so), which is what lets the list draw only what shows. */
  readonly rowHeight: number;
  /** Where to start scrolled to, e.g. back from an opened document. */
  readonly scrollTop?: number;
  readonly onScroll?: (scrollTop: number) => void;
  readonly attributes?: Record<string, unknown>;
}

/** Rows drawn above and below the visible ones, so a quick scroll does not show blank space. */
const OVERSCAN = 6;
const VISIBLE_SHARE = 0.6;
const MIN_HEIGHT = 240;

/**
 * A list that draws only the rows in view, however many it has: a scrolling box whose content
 * is as tall as every row together, with the visible rows placed at their offsets. Arrow keys,
 * Page Up/Down, Home and End move between rows, scrolling as they go.
 */
export function windowedList<T>(options: WindowedListOptions<T>): HTMLElement {
  const { count, rowHeight } = options;
  const viewport = Math.min(count * rowHeight, Math.max(MIN_HEIGHT, Math.round(window.innerHeight * VISIBLE_SHARE)));
  const list = h('ul', { ...options.attributes, style: `height:${count * rowHeight}px` });
  const box = h('div', { class: 'window', style: `height:${viewport}px` }, list);
  let drawn = '';
  let focusIndex = -1;

  const draw = (): void => {
    const top = box.scrollTop;
    const start = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
    const end = Math.min(count, Math.ceil((top + viewport) / rowHeight) + OVERSCAN);
    if (`${start}-${end}` === drawn) return;
    drawn = `${start}-${end}`;
    const rows = options.rowsBetween(start, end).map((item, i) => {
      const row = options.renderRow(item, start + i);
      row.style.top = `${(start + i) * rowHeight}px`;
      row.dataset.index = String(start + i);
      return row;
    });
    replaceChildren(list, rows);
  };

  const focusRow = (index: number): void => {
    focusIndex = Math.max(0, Math.min(count - 1, index));
    const rowTop = focusIndex * rowHeight;
    if (rowTop < box.scrollTop) box.scrollTop = rowTop;
    else if (rowTop + rowHeight > box.scrollTop + viewport) box.scrollTop = rowTop + rowHeight - viewport;
    draw();
    (list.querySelector(`[data-index="${focusIndex}"]`) as HTMLElement | null)?.focus();
  };

  const perPage = Math.max(1, Math.floor(viewport / rowHeight));
  const MOVES: Readonly<Record<string, (index: number) => number>> = {
    ArrowDown: (i) => i + 1,
    ArrowUp: (i) => i - 1,
    PageDown: (i) => i + perPage,
    PageUp: (i) => i - perPage,
    Home: () => 0,
    End: () => count - 1,
  };
  list.addEventListener('keydown', (event) => {
    const move = MOVES[event.key];
    if (!move || count === 0) return;
    event.preventDefault();
    const current = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? focusIndex);
    focusRow(move(Number.isFinite(current) ? current : -1));
  });

  let scheduled = false;
  box.addEventListener(
    'scroll',
    () => {
      options.onScroll?.(box.scrollTop);
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        draw();
      });
    },
    { passive: true },
  );

  // Drawn at once for the first rows; once in the page, at the scroll position asked for.
  draw();
  if (options.scrollTop) {
    requestAnimationFrame(() => {
      box.scrollTop = options.scrollTop!;
      draw();
    });
  }
  return box;
}
