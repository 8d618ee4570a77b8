import { defineConfig } from '@playwright/test';

import base from './playwright.config.ts';

/** Keycloak of the real stack (`npm run stack` or scripts/lib/keycloak.mjs). */
export const KEYCLOAK_URL = process.env.KEYCLOAK_URL ?? 'http://localhost:8180';
const ISSUER = `${KEYCLOAK_URL}/realms/pos`;

// Keycloak only sends the browser back to the till origins it lists: localhost, not 127.0.0.1.
const baseURL = process.env.E2E_BASE_URL ?? 'http://localhost:4173';

/**
 * The end-to-end specs that need the real identity provider: the till signs in on Keycloak's
 * page and the sync server checks Keycloak's tokens. Keycloak (and Permify with AUTHZ_MODE)
 * must already run; the web server is the sync server in oidc mode on a fresh database.
 */
export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: ['keycloak-sign-in.spec.ts'],
  use: { ...base.use, baseURL },
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: 'http://127.0.0.1:4173/health/ready',
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      AUTH_MODE: process.env.AUTH_MODE ?? 'oidc',
      AUTH_ISSUER: process.env.AUTH_ISSUER ?? ISSUER,
      ...(process.env.AUTHZ_MODE === undefined ? {} : { AUTHZ_MODE: process.env.AUTHZ_MODE }),
      ...(process.env.PERMIFY_URL === undefined ? {} : { PERMIFY_URL: process.env.PERMIFY_URL }),
      ...(process.env.DATABASE_URL === undefined ? {} : { DATABASE_URL: process.env.DATABASE_URL }),
    },
  },
});
