import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { MemoryStorage } from '../testing/memory-storage.ts';
import { ReceiptCounter, receiptMarkKey } from './receipt-counter.ts';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('delete failed'));
  });
}

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

  it('does not reuse a number after the browser evicted IndexedDB but kept localStorage (b30)', async () => {
    const name = `counter-${Math.random()}`;
    const storage = new MemoryStorage();
    const before = new ReceiptCounter(name, indexedDB, storage);
    expect([await before.next('T9'), await before.next('T9'), await before.next('T9')]).toEqual([
      1, 2, 3,
    ]);
    expect(storage.getItem(receiptMarkKey(name, 'T9'))).toBe('3');
    await before.close();

    await deleteDatabase(name);
    // No sales pulled back yet (slow pull): the only floor left is the localStorage mark.
    const afterEviction = new ReceiptCounter(name, indexedDB, storage);
    expect(await afterEviction.next('T9')).toBe(4);
    await afterEviction.close();
  });

  it('does not reuse a number after localStorage was cleared but IndexedDB kept', async () => {
    const name = `counter-${Math.random()}`;
    const storage = new MemoryStorage();
    const first = new ReceiptCounter(name, indexedDB, storage);
    await first.next('T9');
    await first.next('T9');
    await first.close();

    storage.clear();
    const second = new ReceiptCounter(name, indexedDB, storage);
    expect(await second.next('T9')).toBe(3);
    expect(second.highWaterMark('T9')).toBe(3);
    await second.close();
  });

  it('keeps the highest mark when another tab went further, and ignores a garbled mark', async () => {
    const name = `counter-${Math.random()}`;
    const storage = new MemoryStorage();
    storage.setItem(receiptMarkKey(name, 'T9'), '41');
    const counter = new ReceiptCounter(name, indexedDB, storage);
    expect(await counter.next('T9')).toBe(42);

    storage.setItem(receiptMarkKey(name, 'T9'), 'garbage');
    expect(counter.highWaterMark('T9')).toBe(0);
    expect(await counter.next('T9')).toBe(43);
    await counter.close();
  });
});
