// Keycloak alone, with the `pos` realm, for working on the till's sign-in without the whole
// stack: a Postgres kept in .stack/keycloak (Postgres cannot reach root's cache when run as
// root) and Keycloak on :8180, both left running.
//
//   node scripts/keycloak-up.mjs            start (or report the running one)
//   node scripts/keycloak-up.mjs --down     stop both; the data stays for the next start
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { startKeycloak } from './lib/keycloak.mjs';
import { startPersistentPostgres } from './lib/postgres.mjs';
import { stackDir } from './lib/paths.mjs';
import { stopProcessGroup } from './lib/service.mjs';

const POSTGRES_PORT = Number(process.env.KEYCLOAK_POSTGRES_PORT ?? 5441);
const dir = path.join(stackDir, 'keycloak');
mkdirSync(dir, { recursive: true });
const stateFile = path.join(dir, 'state.json');
const postgresOptions = { dir: path.join(dir, 'postgres'), port: POSTGRES_PORT };

if (process.argv.includes('--down')) {
  const state = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : undefined;
  if (state?.pid !== undefined) await stopProcessGroup(state.pid);
  await (await startPersistentPostgres(postgresOptions)).stop();
  rmSync(stateFile, { force: true });
  console.log('Keycloak and its Postgres are stopped.');
  process.exit(0);
}

const running = await fetch('http://127.0.0.1:9000/health/ready').catch(() => undefined);
if (running?.ok) {
  console.log('A Keycloak is running on :8180 already; stop it with --down first.');
  process.exit(0);
}

const postgres = await startPersistentPostgres(postgresOptions);
const keycloak = await startKeycloak({
  postgresUrl: postgres.url,
  logFile: path.join(dir, 'keycloak.log'),
  detached: true,
});
writeFileSync(
  stateFile,
  `${JSON.stringify({ pid: keycloak.pid, postgres: postgres.url }, null, 2)}\n`,
);
console.log(`
  Keycloak      ${keycloak.url}   (admin console: ${keycloak.url}/admin, user admin)
  Issuer        ${keycloak.issuer}
  Postgres      ${postgres.url}   (database keycloak)
  Log           ${keycloak.logFile}
  Stop with     node scripts/keycloak-up.mjs --down
`);
process.exit(0);
