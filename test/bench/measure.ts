import { performance } from 'node:perf_hooks';

/** One line of the benchmark table; `npm run bench -- --json` prints these as they are. */
export interface BenchRow {
  readonly group: string;
  readonly name: string;
  /** Documents in the workbook (or rows in the sheet) the figure was taken on. */
  readonly size: number;
  readonly oursMs: number | null;
  readonly peerMs: number | null;
  /** oursMs / peerMs: below 1 means we are faster. */
  readonly ratio: number | null;
  readonly peer: string | null;
  /** The target for this row, in words; null where it sets none at this size. */
  readonly target: string | null;
  readonly met: boolean | null;
  /** Other figures of the row: counts, memory, percentiles. */
  readonly detail: string;
}

export const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

type Work = () => unknown;

async function timeOnce(work: Work): Promise<number> {
  const start = performance.now();
  const result = work();
  if (result instanceof Promise) await result;
  return performance.now() - start;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

export interface TimingOptions {
  /** Rough wall-clock budget for the timed runs of both sides together. */
  readonly budgetMs?: number;
  readonly minRuns?: number;
  readonly maxRuns?: number;
}

/** How many timed runs fit the budget, odd so the median is one real run. */
function runsFor(estimateMs: number, options: TimingOptions): number {
  const { budgetMs = 1500, minRuns = 5, maxRuns = 31 } = options;
  const runs = Math.max(minRuns, Math.min(maxRuns, Math.floor(budgetMs / Math.max(estimateMs, 0.001))));
  return runs % 2 === 1 ? runs : runs + 1;
}

/**
 * Medians of ours and the peer measured in the same run, interleaved (ours first on even
 * runs, the peer first on odd ones) so drift and GC pressure fall on both alike.
 */
export async function timePair(ours: Work, peer: Work, options: TimingOptions = {}): Promise<{ oursMs: number; peerMs: number; runs: number }> {
  collectGarbage();
  const warm = [await timeOnce(ours), await timeOnce(peer), await timeOnce(ours), await timeOnce(peer)];
  const runs = runsFor(warm[2]! + warm[3]!, options);
  const oursTimes: number[] = [];
  const peerTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      oursTimes.push(await timeOnce(ours));
      peerTimes.push(await timeOnce(peer));
    } else {
      peerTimes.push(await timeOnce(peer));
      oursTimes.push(await timeOnce(ours));
    }
  }
  return { oursMs: median(oursTimes), peerMs: median(peerTimes), runs };
}

/** Median of one side alone, where the issue names no peer. */
export async function timeAlone(work: Work, options: TimingOptions = {}): Promise<{ ms: number; runs: number }> {
  collectGarbage();
  await timeOnce(work);
  const runs = runsFor(await timeOnce(work), options);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(work));
  return { ms: median(times), runs };
}

export function row(
  fields: Omit<BenchRow, 'ratio' | 'met' | 'detail' | 'peer' | 'peerMs' | 'target'> & Partial<Pick<BenchRow, 'peerMs' | 'peer' | 'detail' | 'target'>> & { readonly met?: boolean | null },
): BenchRow {
  const peerMs = fields.peerMs ?? null;
  const ratio = fields.oursMs !== null && peerMs !== null && peerMs > 0 ? fields.oursMs / peerMs : null;
  return {
    group: fields.group,
    name: fields.name,
    size: fields.size,
    oursMs: fields.oursMs,
    peerMs,
    ratio,
    peer: fields.peer ?? null,
    target: fields.target ?? null,
    met: fields.met ?? null,
    detail: fields.detail ?? '',
  };
}

/** Fails the benchmark loudly: timing two different answers would be worthless. */
export function assertSame(what: string, ours: unknown, peer: unknown): void {
  const a = canonicalJson(ours);
  const b = canonicalJson(peer);
  if (a !== b) throw new Error(`${what}: ours and the peer disagree\n ours: ${a.slice(0, 600)}\n peer: ${b.slice(0, 600)}`);
}

/** JSON with object keys sorted, so two answers compare by content, not by the order fields were written. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
