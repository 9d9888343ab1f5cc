/**
 * Work that follows an acknowledgement (a search, a Block Kit answer) waits for its own turn of
 * the event loop, one at a time in arrival order. Node polls the network between two turns, so
 * requests that came in meanwhile are parsed, verified and acknowledged before the next answer
 * runs: 50 searches queued behind an ack no longer hold it up (Slack drops acks after 3 s).
 */
export interface Turns {
  /** Resolves on this caller's turn; nothing else queued here runs in the same turn. */
  next(): Promise<void>;
}

export function createTurns(): Turns {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const runOne = (): void => {
    waiting.shift()?.();
    // Scheduled from inside a check phase, the next one runs after the next network poll.
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(runOne);
  };
  return {
    next: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!scheduled) {
          scheduled = true;
          setImmediate(runOne);
        }
      }),
  };
}
