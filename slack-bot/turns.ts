/**
 * Work that follows an acknowledgement (a search, a Block Kit answer) waits for its own turn of
 * the event loop, one at a time in arrival order, and only while no request is waiting for its
 * acknowledgement: Node polls the network between two turns, so requests that came in meanwhile
 * are parsed, verified and acknowledged before the next answer runs (Slack drops acks after 3 s,
 * while a response_url stays valid for 30 minutes). An answer that has waited `maxDeferMs` runs
 * anyway, so a steady stream of requests cannot starve the answers.
 */
export interface Turns {
  /** Resolves on this caller's turn; nothing else queued here runs in the same turn. */
  next(): Promise<void>;
}

export interface TurnsOptions {
  /** True while some request has not been answered over HTTP yet. */
  readonly acksPending?: () => boolean;
  readonly maxDeferMs?: number;
  readonly clock?: () => number;
}

export function createTurns(options: TurnsOptions = {}): Turns {
  const acksPending = options.acksPending ?? (() => false);
  const maxDeferMs = options.maxDeferMs ?? 1_000;
  const clock = options.clock ?? (() => performance.now());
  const waiting: { resolve: () => void; since: number }[] = [];
  let scheduled = false;

  const runOne = (): void => {
    const first = waiting[0];
    if (first && (!acksPending() || clock() - first.since >= maxDeferMs)) {
      waiting.shift();
      first.resolve();
    }
    scheduled = waiting.length > 0;
    if (!scheduled) return;
    // From inside a check phase an immediate runs after the next network poll; while acks are
    // pending, a 1 ms timer lets the poll wait for their bytes instead of spinning.
    if (acksPending()) setTimeout(runOne, 1);
    else setImmediate(runOne);
  };

  return {
    next: () =>
      new Promise<void>((resolve) => {
        waiting.push({ resolve, since: clock() });
        if (!scheduled) {
          scheduled = true;
          setImmediate(runOne);
        }
      }),
  };
}
