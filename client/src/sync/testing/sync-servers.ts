import type { AddressInfo } from 'node:net';

import { serve, type ServerType } from '@hono/node-server';
import type { TokenResponse } from '@pos/shared';

// The till talks to the server over HTTP only, and so does this test: the servers are started
// here in the test process, and every request of the tills still goes over a loopback socket.
/* eslint-disable no-restricted-imports */
import { createPullPageCache } from '../../../../sync-server/src/cache/pull-page-cache.ts';
import { createInProcessChangeBus } from '../../../../sync-server/src/replication/change-bus.ts';
import { freshPostgres } from '../../../../sync-server/src/testing/fresh-postgres.ts';
import { createRedisTestApp } from '../../../../sync-server/src/testing/redis-test-app.ts';
import { createTestApp, type TestApp } from '../../../../sync-server/src/testing/test-app.ts';
/* eslint-enable no-restricted-imports */

export interface SyncServers {
  /** Base URLs of the instances, e.g. http://127.0.0.1:41234 */
  urls: string[];
  /** Signs in through the embedded issuer's /auth/dev/token, over HTTP. */
  token(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

function listen(app: TestApp['app']): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({ server, url: `http://127.0.0.1:${(info as AddressInfo).port}` });
    });
  });
}

/**
 * `count` instances of the real sync server on one fresh Postgres database (DATABASE_URL), each
 * on its own loopback port. Their live events reach each other through Redis when REDIS_URL is
 * set, as in production; otherwise through one in-process bus standing in for it.
 */
export async function startSyncServers(count: number): Promise<SyncServers> {
  const database = await freshPostgres();
  const redisUrl = process.env['REDIS_URL'];
  const bus = createInProcessChangeBus();

  // One after another: the first creates the signing key and seeds, the others find them.
  const apps: TestApp[] = [];
  for (let i = 0; i < count; i += 1) {
    apps.push(
      redisUrl !== undefined && redisUrl !== ''
        ? await createRedisTestApp({ databaseUrl: database.url, redisUrl })
        : await createTestApp(database.url, {
            shared: (db) => ({
              bus,
              pullPages: createPullPageCache({ db, redis: undefined, ttlSeconds: 0 }),
              redis: undefined,
              close: async () => undefined,
            }),
          }),
    );
  }
  const listening = await Promise.all(apps.map((t) => listen(t.app)));
  const urls = listening.map((entry) => entry.url);

  return {
    urls,
    async token(username, password) {
      const response = await fetch(`${urls[0]}/auth/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status}`);
      return ((await response.json()) as TokenResponse).access_token;
    },
    async close() {
      for (const { server } of listening) {
        // Event streams stay open until their till goes; none may hold the close up.
        if ('closeAllConnections' in server) server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await Promise.all(apps.map((t) => t.close()));
      await database.drop();
    },
  };
}
