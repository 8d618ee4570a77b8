// `npm run stack`: the production-shaped stack on this machine, natively: Postgres, Redis,
// Keycloak, Permify, two sync servers behind the gateway, and the till served through it.
// `npm run stack:down` stops what it started. Data and logs stay in .stack/ (ignored by git).
import path from 'node:path';

import { buildClientIfStale } from './lib/build-client.mjs';
import { ensureNodeDependencies } from './lib/ensure-deps.mjs';
import { stackDir } from './lib/paths.mjs';
import { stopPersistentPostgres } from './lib/postgres.mjs';
import { stopProcessGroup } from './lib/service.mjs';
import {
  clearStackState,
  readStackState,
  STACK_PORTS,
  startStack,
  writeStackState,
} from './lib/stack.mjs';
import { ensureSystemPackages } from './lib/system-packages.mjs';

const dir = path.join(stackDir, 'full');

async function down() {
  const services = readStackState(dir);
  if (services.length === 0) {
    console.log('No stack is running from this folder.');
    return;
  }
  for (const service of [...services].reverse()) {
    if (service.kind === 'postgres') await stopPersistentPostgres(service.dir);
    else if (service.pid) await stopProcessGroup(service.pid);
    console.log(`  stopped ${service.name}`);
  }
  clearStackState(dir);
}

async function up() {
  if (readStackState(dir).length > 0) {
    console.error('A stack is running already (npm run stack:down stops it).');
    process.exitCode = 1;
    return;
  }
  const started = Date.now();
  await ensureNodeDependencies();
  await ensureSystemPackages({ postgres: true, redis: true });
  await buildClientIfStale();

  console.log('Starting the stack (logs in .stack/full/logs):');
  const stack = await startStack({ dir, persistent: true, detached: true });
  writeStackState(dir, stack.services);

  const till = `http://localhost:${STACK_PORTS.gateway}`;
  console.log(`
  Ready in ${Math.round((Date.now() - started) / 1000)} s.

  Till (through the gateway)   ${till}
  Gateway health               ${till}/__health
  Sync servers                 ${STACK_PORTS.syncServers.map((p) => `http://localhost:${p}`).join('  ')}
  Keycloak (admin / admin)     http://localhost:${STACK_PORTS.keycloak}/admin/master/console/#/pos
  Permify                      http://127.0.0.1:${STACK_PORTS.permifyHttp}
  Postgres                     postgres://postgres@127.0.0.1:${STACK_PORTS.postgres}/pos
  Redis                        redis://127.0.0.1:${STACK_PORTS.redis}

  Demo sign-ins (Keycloak)     cashier@demo.test / cashier123  (PIN 1234)
                               manager@demo.test / manager123  (PIN 9999)
                               owner@demo.test / owner123      (PIN 4321)
                               cashier@harbour.test / cashier123 (second tenant)

  Stop with: npm run stack:down
`);
}

const run = process.argv.includes('--down') ? down : up;
run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
