import { createTurns } from '../../slack-bot/turns';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('answers wait their turn behind acknowledgements', () => {
  it('runs one waiter at a time in arrival order, none while acks are pending, and any that waited too long', async () => {
    let pending = true;
    let clock = 0;
    const turns = createTurns({ acksPending: () => pending, maxDeferMs: 1_000, clock: () => clock });
    const ran: string[] = [];
    const first = turns.next().then(() => ran.push('first'));
    const second = turns.next().then(() => ran.push('second'));
    await settle();
    expect(ran).toEqual([]);
    clock = 1_000;
    await first;
    expect(ran).toEqual(['first']);
    // The second has waited as long, so it runs next even though acks are still pending.
    await second;
    expect(ran).toEqual(['first', 'second']);
    clock = 1_001;
    pending = false;
    const third = turns.next().then(() => ran.push('third'));
    await third;
    expect(ran).toEqual(['first', 'second', 'third']);
  });
});
