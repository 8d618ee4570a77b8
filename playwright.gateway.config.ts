import { defineConfig } from '@playwright/test';

import base from './playwright.config.ts';

/**
 * The till as the stack serves it: through the gateway (GATEWAY_URL), two sync servers behind
 * it, Keycloak, Permify and Redis all running already (`npm run stack`, or `npm test`, which
 * starts the stack first). No web server of its own: the stack is the server.
 */
const { webServer: _ownServer, ...withoutServer } = base;

export default defineConfig({
  ...withoutServer,
  testDir: 'e2e/stack',
  testIgnore: [],
  testMatch: ['**/*.spec.ts'],
  use: { ...base.use, baseURL: process.env.GATEWAY_URL ?? 'http://localhost:8000' },
});
