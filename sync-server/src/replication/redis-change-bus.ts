import { randomUUID } from 'node:crypto';

import type { RedisConnection } from '../cache/redis-connection.ts';
import type { Logger } from '../observability/logger.ts';
import { createInProcessChangeBus, type ChangeBus, type ChangeEvent } from './change-bus.ts';

const CHANNEL_PREFIX = 'pos:changes:';
const SUBSCRIBE_RETRY_MS = 1000;

/** What travels on a tenant's channel: a change, or word that some changes were not sent. */
type BusMessage = { from: string; event: ChangeEvent } | { from: string; missed: true };

export interface RedisChangeBusOptions {
  /** A subscribed connection may send nothing but (un)subscribe, so publishing needs another. */
  publisher: RedisConnection;
  subscriber: RedisConnection;
  logger: Logger;
}

/**
 * The change bus across server instances: a sale pushed to one reaches tills streaming from
 * any other. Each instance subscribes to the channels of the tenants it has open streams for.
 * Its own streams hear its writes directly, not through Redis, so they keep hearing them while
 * Redis is down. What Redis could not carry meanwhile is not replayed: once it is back, the
 * streams of the affected tenants are told to pull (`onMissed`).
 */
export function createRedisChangeBus(options: RedisChangeBusOptions): ChangeBus {
  const { publisher, subscriber, logger } = options;
  const instance = randomUUID();
  const local = createInProcessChangeBus();
  const listening = new Map<string, number>();
  const missedListeners = new Map<string, Set<() => void>>();
  const unsent = new Set<string>();
  // Tenants whose subscription Redis has not confirmed: a subscribe that timed out or met a
  // dropped connection would otherwise leave this instance deaf to the others until restart.
  const unconfirmed = new Set<string>();

  const channelOf = (tenantId: string) => `${CHANNEL_PREFIX}${tenantId}`;
  const tellMissed = (tenantId: string) => {
    for (const listener of missedListeners.get(tenantId) ?? []) listener();
  };
  const send = (tenantId: string, message: BusMessage) =>
    publisher.attempt((client) => client.publish(channelOf(tenantId), JSON.stringify(message)));

  subscriber.client.on('message', (channel: string, text: string) => {
    const tenantId = channel.slice(CHANNEL_PREFIX.length);
    let message: BusMessage;
    try {
      message = JSON.parse(text) as BusMessage;
    } catch (error) {
      logger.warn('unreadable change message', { channel, error });
      return;
    }
    if (message.from === instance) return;
    if ('event' in message) local.publish(message.event);
    else tellMissed(tenantId);
  });

  // Until Redis confirms a subscription, other instances' writes pass this one by, so a
  // confirmed one tells the tenant's streams to pull once more.
  const confirm = (tenantIds: string[]) => {
    void subscriber
      .attempt((client) => client.subscribe(...tenantIds.map(channelOf)))
      .then((subscribed) => {
        for (const tenantId of tenantIds) {
          if (subscribed === undefined) {
            unconfirmed.add(tenantId);
            continue;
          }
          unconfirmed.delete(tenantId);
          tellMissed(tenantId);
        }
      });
  };
  const retry = setInterval(() => {
    const waiting = [...unconfirmed].filter((tenantId) => listening.has(tenantId));
    unconfirmed.clear();
    if (waiting.length > 0) confirm(waiting);
  }, SUBSCRIBE_RETRY_MS);
  retry.unref();

  // Subscriptions do not survive a reconnect, and events sent meanwhile never arrived.
  subscriber.onUp((afterOutage) => {
    const tenants = [...listening.keys()];
    if (tenants.length === 0) return;
    confirm(tenants);
    if (afterOutage) for (const tenantId of tenants) tellMissed(tenantId);
  });

  // Other instances did not hear what this one could not send; they pull once told so.
  publisher.onUp(() => {
    for (const tenantId of unsent) {
      unsent.delete(tenantId);
      void send(tenantId, { from: instance, missed: true }).then((sent) => {
        if (sent === undefined) unsent.add(tenantId);
      });
    }
  });

  return {
    publish(event) {
      local.publish(event);
      void send(event.tenantId, { from: instance, event }).then((sent) => {
        if (sent === undefined) unsent.add(event.tenantId);
      });
    },

    subscribe(tenantId, listener, onMissed) {
      const count = listening.get(tenantId) ?? 0;
      listening.set(tenantId, count + 1);
      if (count === 0) confirm([tenantId]);

      const unsubscribeLocal = local.subscribe(tenantId, listener);
      const forTenant = missedListeners.get(tenantId) ?? new Set();
      if (onMissed !== undefined) forTenant.add(onMissed);
      missedListeners.set(tenantId, forTenant);

      return () => {
        unsubscribeLocal();
        if (onMissed !== undefined) forTenant.delete(onMissed);
        if (forTenant.size === 0) missedListeners.delete(tenantId);

        const left = (listening.get(tenantId) ?? 1) - 1;
        if (left > 0) {
          listening.set(tenantId, left);
          return;
        }
        listening.delete(tenantId);
        unconfirmed.delete(tenantId);
        void subscriber.attempt((client) => client.unsubscribe(channelOf(tenantId)));
      };
    },
  };
}
