import { assert } from '../assert';
import { ASSERTION_MESSAGES } from '../assertionMessages';

/**
 * Splits an integer amount by ratios so the parts always add up to the whole
 * (largest remainder goes first), as dinero.js does.
 */
export function allocate(amount: number, ratios: readonly number[]): number[] {
  assert(ratios.length > 0, ASSERTION_MESSAGES.ratiosEmpty);
  const sum = ratios.reduce((a, b) => a + b, 0);
  assert(sum > 0 && ratios.every((r) => r >= 0), ASSERTION_MESSAGES.ratiosNegative);
  const sign = amount < 0 ? -1 : 1;
  const whole = Math.abs(amount);
  const shares = ratios.map((r) => Math.floor((whole * r) / sum));
  let remainder = whole - shares.reduce((a, b) => a + b, 0);
  const order = ratios
    .map((r, i) => ({ i, fraction: (whole * r) / sum - Math.floor((whole * r) / sum) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of order) {
    if (remainder === 0) break;
    if (ratios[i] === 0) continue;
    shares[i] = (shares[i] ?? 0) + 1;
    remainder -= 1;
  }
  return shares.map((s) => s * sign);
}
