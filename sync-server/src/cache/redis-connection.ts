import { Redis } from 'ioredis';

import type { Logger } from '../observability/logger.ts';

export type RedisState = 'up' | 'down';

/** What readiness and metrics read about one connection. */
export interface RedisHealth {
  readonly name: string;
  state(): RedisState;
  /** Connection errors and failed or timed-out commands since start. */
  errors(): number;
  /** Times the connection went from up to down since start. */
  outages(): number;
}

export interface RedisConnection extends RedisHealth {
  readonly client: Redis;
  /**
   * Runs `command` unless Redis is down. Answers `undefined` instead of throwing when Redis is
   * down, fails or is slow, so the caller falls back to Postgres or to this instance alone.
   */
  attempt<T>(command: (client: Redis) => Promise<T>): Promise<T | undefined>;
  /** Runs `listener` whenever the connection comes up; `afterOutage` is false the first time. */
  onUp(listener: (afterOutage: boolean) => void): void;
  close(): Promise<void>;
}

export interface RedisConnectionOptions {
  url: string;
  /** Which of the server's connections this is, in logs, metrics and Redis' CLIENT LIST. */
  name: string;
  commandTimeoutMs: number;
  logger: Logger;
}

const RECONNECT_MAX_DELAY_MS = 2_000;
const PROBE_INTERVAL_MS = 1_000;

interface Outage {
  since: number;
  logged: boolean;
}

/**
 * One ioredis connection that never lets Redis fail a request. Commands are not queued while
 * disconnected and time out fast; the first failure of an outage marks the connection down
 * and is logged once, later ones only counted. ioredis reconnects by itself; a Redis that
 * keeps the socket open but stops answering is probed with PING until it answers again.
 */
export function createRedisConnection(options: RedisConnectionOptions): RedisConnection {
  const { name, logger } = options;
  const client = new Redis(options.url, {
    connectionName: `pos-sync-${name}`,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: Math.max(1_000, options.commandTimeoutMs * 5),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResubscribe: false,
    retryStrategy: (times) => Math.min(100 * times, RECONNECT_MAX_DELAY_MS),
  });

  // Down until the first connection is ready, but an outage is only logged once it fails.
  let outage: Outage | undefined = { since: Date.now(), logged: false };
  let everUp = false;
  let errors = 0;
  let outages = 0;
  let closing = false;
  let probe: NodeJS.Timeout | undefined;
  const upListeners: ((afterOutage: boolean) => void)[] = [];

  const markUp = () => {
    if (outage === undefined) return;
    if (everUp) {
      logger.info('redis back', { connection: name, downForMs: Date.now() - outage.since });
    } else {
      logger.info('redis connected', { connection: name });
    }
    const afterOutage = everUp;
    outage = undefined;
    everUp = true;
    clearInterval(probe);
    probe = undefined;
    for (const listener of upListeners) listener(afterOutage);
  };

  const markDown = (reason: unknown, isError = true) => {
    if (closing) return;
    if (isError) errors += 1;
    outage ??= { since: Date.now(), logged: false };
    if (outage.logged) return;

    outage.logged = true;
    outages += 1;
    logger.warn('redis down', {
      connection: name,
      error: reason,
      fallback: 'serving from Postgres, live events reach this instance only',
    });
  };

  // The socket is fine but Redis does not answer (paused, overloaded): no reconnect will come.
  const startProbe = () => {
    probe ??= setInterval(() => {
      if (client.status !== 'ready') return;
      client.ping().then(markUp, () => undefined);
    }, PROBE_INTERVAL_MS);
    probe.unref();
  };

  client.on('ready', markUp);
  client.on('error', markDown);
  client.on('close', () => markDown('connection closed', false));

  return {
    name,
    client,
    state: () => (outage === undefined ? 'up' : 'down'),
    errors: () => errors,
    outages: () => outages,

    async attempt(command) {
      if (outage !== undefined) return undefined;
      try {
        return await command(client);
      } catch (error) {
        markDown(error);
        if (client.status === 'ready') startProbe();
        return undefined;
      }
    },

    onUp(listener) {
      upListeners.push(listener);
    },

    async close() {
      closing = true;
      clearInterval(probe);
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
