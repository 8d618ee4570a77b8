// The whole production-shaped stack on one machine, without Docker: Postgres, Redis, Keycloak,
// Permify, two sync-server instances and the gateway. `npm run stack` keeps it running; the
// test runner starts a throwaway copy of it for the suites that need the real services.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

import { clientDist, repoRoot } from './paths.mjs';
import { ensureDatabase, startPersistentPostgres, startThrowawayPostgres } from './postgres.mjs';
import { waitForHttp } from './run.mjs';
import { startService, stopProcessGroup } from './service.mjs';

/** Fixed ports: Keycloak's issuer and the till's redirect URIs name them. */
export const STACK_PORTS = {
  postgres: 5440,
  redis: 6390,
  keycloak: 8180,
  keycloakManagement: 9000,
  permifyHttp: 3476,
  permifyGrpc: 3478,
  syncServers: [8081, 8082],
  gateway: 8000,
};

export const KEYCLOAK_ISSUER = `http://localhost:${STACK_PORTS.keycloak}/realms/pos`;

/**
 * Starts every service in dependency order and waits until each is healthy. `dir` holds data
 * and logs; `persistent` keeps Postgres data across runs (`npm run stack`), otherwise the
 * cluster is thrown away on stop. Returns the running services, newest last.
 */
export async function startStack({ dir, persistent, detached, log = console.log, seedSize = 300 }) {
  const busy = await busyPorts();
  if (busy.length > 0) {
    throw new Error(
      `ports ${busy.join(', ')} are in use: is \`npm run stack\` running? ` +
        '(npm run stack:down stops it; the stack and the test stack share fixed ports)',
    );
  }
  const logs = path.join(dir, 'logs');
  const services = [];
  const started = (service) => {
    services.push(service);
    log(`  ${service.name.padEnd(14)} ${service.url ?? ''}`);
    return service;
  };

  try {
    const postgres = persistent
      ? await startPersistentPostgres({
          dir: path.join(dir, 'postgres'),
          port: STACK_PORTS.postgres,
        })
      : await startThrowawayPostgres();
    started({
      name: 'postgres',
      url: postgres.url,
      stop: postgres.stop,
      kind: 'postgres',
      dir: postgres.dir,
    });
    const databases = {
      pos: await ensureDatabase(postgres.url, 'pos'),
    };

    const { ensureRedis, startRedis } = await import('./redis.mjs');
    await ensureRedis();
    const redis = started({
      name: 'redis',
      ...(await startRedis({
        port: STACK_PORTS.redis,
        dataDir: path.join(dir, 'redis'),
        logFile: path.join(logs, 'redis.log'),
        detached,
      })),
    });

    // Keycloak takes the longest to boot, so Permify is built and started while it does.
    const { ensureKeycloak, startKeycloak } = await import('./keycloak.mjs');
    const { ensurePermify, startPermify } = await import('./permify.mjs');
    await Promise.all([ensureKeycloak(), ensurePermify()]);
    const [keycloak, permify] = await Promise.all([
      startKeycloak({
        postgresUrl: postgres.url,
        port: STACK_PORTS.keycloak,
        managementPort: STACK_PORTS.keycloakManagement,
        logFile: path.join(logs, 'keycloak.log'),
        detached,
      }),
      startPermify({
        postgresUrl: postgres.url,
        httpPort: STACK_PORTS.permifyHttp,
        grpcPort: STACK_PORTS.permifyGrpc,
        logFile: path.join(logs, 'permify.log'),
        detached,
      }),
    ]);
    started({ name: 'keycloak', ...keycloak });
    started({ name: 'permify', ...permify });

    const serverEnv = {
      DATABASE_URL: databases.pos,
      REDIS_URL: redis.url,
      AUTH_MODE: 'oidc',
      AUTH_ISSUER: KEYCLOAK_ISSUER,
      AUTHZ_MODE: 'permify',
      PERMIFY_URL: permify.url,
      CLIENT_DIST: clientDist,
      LOG_LEVEL: 'info',
      // The gateway cannot stream: tills served through it open the event stream here directly.
      STREAM_URLS: STACK_PORTS.syncServers.map((port) => `http://localhost:${port}`).join(','),
      TILL_ORIGINS: `http://localhost:${STACK_PORTS.gateway}`,
    };
    // The first instance migrates and seeds; the second starts once the schema is there.
    for (const [index, port] of STACK_PORTS.syncServers.entries()) {
      const name = `sync-server-${index + 1}`;
      const seed = index === 0 ? ['--seed-demo', '--demo-size', String(seedSize)] : [];
      const service = startService({
        name,
        command: process.execPath,
        args: ['--import', 'tsx', 'sync-server/src/main.ts', ...seed],
        cwd: repoRoot,
        env: { ...serverEnv, PORT: String(port), PUBLIC_URL: `http://localhost:${port}` },
        logFile: path.join(logs, `${name}.log`),
        detached,
      });
      const url = `http://localhost:${port}`;
      started({ ...service, url });
      await waitForHttp(`${url}/health/ready`, 180_000, service.isAlive);
    }

    const { ensureKrakend, startKrakend } = await import('./krakend.mjs');
    await ensureKrakend();
    started({
      name: 'gateway',
      ...(await startKrakend({
        port: STACK_PORTS.gateway,
        logFile: path.join(logs, 'gateway.log'),
        detached,
        backends: STACK_PORTS.syncServers.map((port) => `http://127.0.0.1:${port}`),
      })),
    });

    return { services, databases, postgres, redis, keycloak, permify };
  } catch (error) {
    await stopServices(services);
    throw error;
  }
}

/** Postgres is left out: the test stack's takes a free port, and `npm run stack` reuses its own. */
async function busyPorts() {
  const ports = [
    STACK_PORTS.redis,
    STACK_PORTS.keycloak,
    STACK_PORTS.keycloakManagement,
    STACK_PORTS.permifyHttp,
    STACK_PORTS.permifyGrpc,
    ...STACK_PORTS.syncServers,
    STACK_PORTS.gateway,
  ];
  const answers = await Promise.all(ports.map((port) => listening(port)));
  return ports.filter((_, index) => answers[index]);
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Stops services in reverse start order; Postgres last, so the others can close cleanly. */
export async function stopServices(services) {
  for (const service of [...services].reverse()) {
    try {
      if (service.stop) await service.stop();
      else if (service.pid) await stopProcessGroup(service.pid);
    } catch (error) {
      console.error(`stopping ${service.name}: ${error.message}`);
    }
  }
}

const stateFile = (dir) => path.join(dir, 'stack.json');

export function writeStackState(dir, services) {
  const state = services.map(({ name, url, pid, logFile, kind, dir: serviceDir }) => ({
    name,
    url,
    pid,
    logFile,
    kind,
    dir: serviceDir,
  }));
  writeFileSync(stateFile(dir), `${JSON.stringify(state, null, 2)}\n`);
}

export function readStackState(dir) {
  if (!existsSync(stateFile(dir))) return [];
  return JSON.parse(readFileSync(stateFile(dir), 'utf8'));
}

export function clearStackState(dir) {
  rmSync(stateFile(dir), { force: true });
}
