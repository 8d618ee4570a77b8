import { defineConfig } from 'vitest/config';

// `unit` needs nothing running; the others need real services, which `npm test` starts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,sync-server,client}/src/**/*.test.{ts,tsx}'],
          exclude: [
            '**/*.pg.test.ts',
            '**/*.stack.test.ts',
            '**/*.redis.test.ts',
            '**/node_modules/**',
          ],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'pg',
          include: ['{sync-server,client}/src/**/*.pg.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // Two server instances on one Postgres and Redis (REDIS_URL, DATABASE_URL).
        test: {
          name: 'redis',
          include: ['sync-server/src/**/*.redis.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // Against the real Keycloak, Permify and gateway the test runner starts (KEYCLOAK_URL,
        // PERMIFY_URL, GATEWAY_URL, DATABASE_URL).
        test: {
          name: 'stack',
          include: ['{sync-server,krakend}/**/*.stack.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
