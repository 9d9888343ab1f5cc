import type { Logger } from '@slack/bolt';

export interface Repeating {
  /** Runs the task now, or waits for the run in progress; never two at once. */
  runNow(): Promise<number>;
  stop(): Promise<void>;
}

/** Runs a task every `intervalMs` after the previous run ends; a failure is logged and retried next time. */
export function repeat(name: string, intervalMs: number, task: () => Promise<number>, logger: Logger, autoStart: boolean): Repeating {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  const runNow = (): Promise<number> => {
    running ??= task()
      .catch((error: unknown) => {
        logger.error(`${name} failed; will try again in ${Math.round(intervalMs / 1000)}s: ${(error as Error).stack ?? error}`);
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => void runNow().then(schedule), intervalMs);
    timer.unref?.();
  };

  if (autoStart) void runNow().then(schedule);

  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
