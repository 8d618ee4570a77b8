import type { RedisHealth, RedisState } from './redis-connection.ts';

/** The server's Redis as readiness and metrics see it: down when any of its connections is. */
export interface RedisStatus {
  state(): RedisState;
  readonly connections: readonly RedisHealth[];
}

export function redisStatus(connections: readonly RedisHealth[]): RedisStatus {
  return {
    connections,
    state: () => (connections.every((connection) => connection.state() === 'up') ? 'up' : 'down'),
  };
}
