import { EventEmitter } from 'node:events';

import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { RedisConnection } from '../cache/redis-connection.ts';
import { createLogger } from '../observability/logger.ts';
import type { ChangeEvent } from './change-bus.ts';
import { createRedisChangeBus } from './redis-change-bus.ts';

/** A connection whose next `failures` commands fail the way a slow or dropped Redis does. */
function flakyConnection(failures: number) {
  const client = Object.assign(new EventEmitter(), {
    subscribe: vi.fn(async () => 1),
    unsubscribe: vi.fn(async () => 0),
    publish: vi.fn(async () => 1),
  });
  let left = failures;
  const connection: RedisConnection = {
    name: 'subscriber',
    client: client as unknown as Redis,
    state: () => 'up',
    errors: () => 0,
    outages: () => 0,
    async attempt(command) {
      if (left > 0) {
        left -= 1;
        return undefined;
      }
      return command(client as unknown as Redis);
    },
    onUp: () => undefined,
    close: async () => undefined,
  };
  return { connection, client };
}

const event = (tenantId: string): ChangeEvent => ({
  tenantId,
  collection: 'sales',
  documents: [],
  checkpoint: { seq: 1 } as unknown as ChangeEvent['checkpoint'],
});

describe('the Redis change bus (regression: a lost subscribe left an instance deaf)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries a subscription Redis did not confirm, then hears other instances', async () => {
    vi.useFakeTimers();
    const subscriber = flakyConnection(1);
    const publisher = flakyConnection(0);
    const bus = createRedisChangeBus({
      subscriber: subscriber.connection,
      publisher: publisher.connection,
      logger: createLogger('silent'),
    });
    const heard: ChangeEvent[] = [];
    const missed = vi.fn();

    bus.subscribe('demo', (e) => heard.push(e), missed);
    await vi.advanceTimersByTimeAsync(0);
    expect(subscriber.client.subscribe).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1_000);
    expect(subscriber.client.subscribe).toHaveBeenCalledWith('pos:changes:demo');
    expect(missed).toHaveBeenCalledTimes(1);

    const fromOther = JSON.stringify({ from: 'other-instance', event: event('demo') });
    subscriber.client.emit('message', 'pos:changes:demo', fromOther);
    expect(heard).toHaveLength(1);
  });

  it('stops retrying for a tenant whose last stream closed', async () => {
    vi.useFakeTimers();
    const subscriber = flakyConnection(1);
    const bus = createRedisChangeBus({
      subscriber: subscriber.connection,
      publisher: flakyConnection(0).connection,
      logger: createLogger('silent'),
    });

    const unsubscribe = bus.subscribe('demo', () => undefined);
    await vi.advanceTimersByTimeAsync(0);
    unsubscribe();
    await vi.advanceTimersByTimeAsync(3_000);

    expect(subscriber.client.subscribe).not.toHaveBeenCalled();
  });
});
