import { formatMoney } from '../../core';

describe('money', () => {
  it('formats the Chilean way', () => {
    expect(formatMoney(297_500)).toBe('$297.500');
    expect(formatMoney(0)).toBe('$0');
    expect(formatMoney(-1_190_000)).toBe('-$1.190.000');
    expect(formatMoney(1250, 'USD')).toBe('US$12,50');
  });
});
