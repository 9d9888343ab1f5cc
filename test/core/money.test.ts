import { add, allocate, formatMoney, money, subtract } from '../../core';

describe('money', () => {
  it('formats the Chilean way', () => {
    expect(formatMoney(297_500)).toBe('$297.500');
    expect(formatMoney(0)).toBe('$0');
    expect(formatMoney(-1_190_000)).toBe('-$1.190.000');
    expect(formatMoney(1250, 'USD')).toBe('US$12,50');
  });

  it('refuses to mix currencies', () => {
    expect(() => add(money(1, 'CLP'), money(1, 'USD'))).toThrow('same currency');
    expect(subtract(money(10, 'CLP'), money(3, 'CLP'))).toEqual({ amount: 7, currency: 'CLP', scale: 0 });
  });

  it('allocates so the parts always add up to the whole', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(19_001, [70, 30])).toEqual([13_301, 5_700]);
    for (let total = 0; total < 500; total += 37) {
      const parts = allocate(total, [3, 5, 0, 7]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts[2]).toBe(0);
    }
  });
});
