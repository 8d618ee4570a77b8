// Serves the built till and a freshly seeded sync server for the end-to-end suite.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { clientDist, repoRoot } from './lib/paths.mjs';

if (!existsSync(path.join(clientDist, 'index.html'))) {
  console.error('dist/client is missing: run `npm run build` first (npm test does it).');
  process.exit(2);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'pos-e2e-'));
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'sync-server/src/main.ts', '--seed-demo'],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: process.env.E2E_PORT ?? '4173',
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
