import { assert } from '../assert';
import { ASSERTION_MESSAGES } from '../assertionMessages';
import type { Money } from './money';

export function subtract(minuend: Money, subtrahend: Money): Money {
  assert(minuend.currency === subtrahend.currency, ASSERTION_MESSAGES.currencyMismatch);
  return { ...minuend, amount: minuend.amount - subtrahend.amount };
}
