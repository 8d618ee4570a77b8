// Serves the built till and a freshly seeded sync server for the end-to-end suites. The
// embedded default needs nothing else; the stack suite (playwright.stack.config.ts) sets the
// AUTH_*/AUTHZ_*/PERMIFY_URL/DATABASE_URL variables below to run against Keycloak and Permify.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { clientDist, repoRoot } from './lib/paths.mjs';

if (!existsSync(path.join(clientDist, 'index.html'))) {
  console.error('dist/client is missing: run `npm run build` first (npm test does it).');
  process.exit(2);
}

const PASSED_THROUGH = [
  'AUTH_MODE',
  'AUTH_ISSUER',
  'AUTH_CLIENT_ID',
  'AUTHZ_MODE',
  'PERMIFY_URL',
  'DATABASE_URL',
];
const passed = Object.fromEntries(
  PASSED_THROUGH.filter((name) => (process.env[name] ?? '') !== '').map((name) => [
    name,
    process.env[name],
  ]),
);

const dataDir = mkdtempSync(path.join(tmpdir(), 'pos-e2e-'));
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'sync-server/src/main.ts', '--seed-demo'],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      ...passed,
      PORT: process.env.E2E_PORT ?? '4173',
      // With a real Postgres (DATABASE_URL) the server ignores PGlite.
      PGLITE_DIR: path.join(dataDir, 'pglite'),
      CLIENT_DIST: clientDist,
    },
  },
);

const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
server.on('exit', (code) => {
  cleanUp();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
