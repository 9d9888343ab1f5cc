/// <reference types="google-apps-script" />

// Google answers these when it is busy; anything else is a real error and is thrown at once.
const TRANSIENT = /too many times|timed out|try again|service error|internal error|backend error|rate limit|unavailable|quota exceeded for quota metric/i;

const DELAYS_MS = [500, 1000, 2000, 4000];

/** Calls a Google service, retrying busy answers with exponential backoff. Only for idempotent calls. */
export function withBackoff<T>(call: () => T, sleep: (ms: number) => void = (ms) => Utilities.sleep(ms)): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return call();
    } catch (error) {
      const delay = DELAYS_MS[attempt];
      if (delay === undefined || !TRANSIENT.test(String((error as Error)?.message ?? error))) throw error;
      sleep(delay + Math.floor(Math.random() * 250));
    }
  }
}
