import { makeDateCellReader, makeStartOfDay } from '../../core';

describe('makeStartOfDay', () => {
  const santiago = makeStartOfDay('America/Santiago');
  it.each([
    ['2026-10-15', '2026-10-15T03:00:00.000Z'], // summer time, UTC-3
    ['2026-06-15', '2026-06-15T04:00:00.000Z'], // winter time, UTC-4
    ['2026-09-06', '2026-09-06T04:00:00.000Z'], // clocks jump 00:00 -> 01:00: the day starts at 01:00 -03
    ['2026-04-05', '2026-04-05T04:00:00.000Z'], // clocks go back at 24:00 Saturday: Sunday starts at 00:00 -04
  ])('gives the first instant of %s in Santiago', (date, instant) => {
    expect(santiago(date).toISOString()).toBe(instant);
  });

  it('reads back as the same date, every day of a year, in zones either side of UTC', () => {
    for (const zone of ['America/Santiago', 'Asia/Tokyo', 'UTC', 'Pacific/Chatham']) {
      const start = makeStartOfDay(zone);
      const read = makeDateCellReader(zone);
      for (let day = 0; day < 366; day++) {
        const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
        expect(read(start(date))).toBe(date);
        expect(read(new Date(start(date).getTime() - 1))).not.toBe(date);
      }
    }
  });
});
