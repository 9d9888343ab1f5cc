import type { ASSERTION_MESSAGES } from './assertionMessages';

/** For broken invariants (a programmer's mistake), never for user input: that gets issues. */
export function assert(condition: unknown, message: (typeof ASSERTION_MESSAGES)[keyof typeof ASSERTION_MESSAGES]): asserts condition {
  if (!condition) throw new Error(message);
}
