import { assert } from '../assert';
import { ASSERTION_MESSAGES } from '../assertionMessages';
import type { Money } from './money';

export function add(augend: Money, addend: Money): Money {
  assert(augend.currency === addend.currency, ASSERTION_MESSAGES.currencyMismatch);
  return { ...augend, amount: augend.amount + addend.amount };
}
