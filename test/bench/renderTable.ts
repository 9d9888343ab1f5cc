import type { BenchRow } from './measure';

const ms = (value: number | null): string => (value === null ? '-' : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0));

const size = (n: number): string => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** The rows as one Markdown table, readable in a terminal and pasteable into RESULTS.md. */
export function renderTable(rows: readonly BenchRow[]): string {
  const header = ['group', 'benchmark', 'size', 'ours ms', 'peer ms', 'ours/peer', 'peer', 'target', 'met', 'detail'];
  const cells = rows.map((r) => [
    r.group,
    r.name,
    size(r.size),
    ms(r.oursMs),
    ms(r.peerMs),
    r.ratio === null ? '-' : r.ratio.toFixed(2),
    r.peer ?? '-',
    r.target ?? '-',
    r.met === null ? '-' : r.met ? 'yes' : 'NO',
    r.detail,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: readonly string[]): string => `| ${values.map((v, i) => (i >= 3 && i <= 5 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i >= 3 && i <= 5 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...cells.map(line)].join('\n');
}
