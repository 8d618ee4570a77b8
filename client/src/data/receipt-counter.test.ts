import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { ReceiptCounter } from './receipt-counter.ts';

describe('ReceiptCounter', () => {
  it('never hands out a number twice to two connections taking numbers at once', async () => {
    const name = `counter-${Math.random()}`;
    const tabA = new ReceiptCounter(name);
    const tabB = new ReceiptCounter(name);

    const taken = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? tabA : tabB).next('device-1')),
    );

    expect(new Set(taken).size).toBe(40);
    expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    await Promise.all([tabA.close(), tabB.close()]);
  });

  it('continues after a reload and respects a floor from sales already stored', async () => {
    const name = `counter-${Math.random()}`;
    const first = new ReceiptCounter(name);
    expect(await first.next('device-1')).toBe(1);
    expect(await first.next('device-1')).toBe(2);
    await first.close();

    const reloaded = new ReceiptCounter(name);
    expect(await reloaded.next('device-1')).toBe(3);
    expect(await reloaded.next('device-1', 10)).toBe(10);
    expect(await reloaded.next('device-1', 5)).toBe(11);
    expect(await reloaded.next('device-2')).toBe(1);
    await reloaded.close();
  });
});
