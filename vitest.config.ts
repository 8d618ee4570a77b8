import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing running; `pg` needs DATABASE_URL pointing at a real
// Postgres, which `npm test` starts for it.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,sync-server,client}/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.pg.test.ts', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'pg',
          include: ['sync-server/src/**/*.pg.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
