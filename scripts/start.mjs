// `npm start`: installs what is missing, builds the till, starts the sync server on the
// embedded default (PGlite, built-in identity) with a demo tenant, and serves the till.
import { spawn } from 'node:child_process';
import path from 'node:path';

import { buildClientIfStale } from './lib/build-client.mjs';
import { ensureNodeDependencies } from './lib/ensure-deps.mjs';
import { clientDist, repoRoot, stackDir } from './lib/paths.mjs';
import { waitForHttp } from './lib/run.mjs';

const args = process.argv.slice(2);
const sizeFlag = args.indexOf('--demo-size');
const demoSize = sizeFlag >= 0 ? Number(args[sizeFlag + 1]) : 300;
if (!Number.isInteger(demoSize) || demoSize < 1 || demoSize > 200_000) {
  console.error('--demo-size takes a whole number of items from 1 to 200000');
  process.exit(2);
}

await ensureNodeDependencies();
await buildClientIfStale();

const port = process.env.PORT ?? '8080';
const url = `http://localhost:${port}`;
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'sync-server/src/main.ts', '--seed-demo', '--demo-size', String(demoSize)],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      PGLITE_DIR: path.join(stackDir, 'data', 'pglite'),
      CLIENT_DIST: clientDist,
      ...process.env,
      PORT: port,
    },
  },
);
let exited = false;
server.on('exit', (code) => {
  exited = true;
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

await waitForHttp(`http://127.0.0.1:${port}/health/ready`, 180_000, () => !exited);
console.log(`
  The till is ready: ${url}

  Demo sign-in   cashier@demo.test / cashier123   (PIN 1234)
                 manager@demo.test / manager123   (PIN 9999)
                 owner@demo.test / owner123       (PIN 4321)
                 cashier@harbour.test / cashier123 (a second shop)
  Demo catalog   ${demoSize} items; data kept in .stack/data (delete it to start over)
  Stop with Ctrl+C.
`);
