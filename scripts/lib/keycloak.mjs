import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';

import { repoRoot } from './paths.mjs';
import { ensureDatabase } from './postgres.mjs';
import { mustRun, waitForHttp } from './run.mjs';
import { cacheDir, startService } from './service.mjs';

export const KEYCLOAK_VERSION = '26.7.3';
export const REALM = 'pos';
export const REALM_FILE = path.join(repoRoot, 'deploy', 'keycloak', 'realm-pos.json');

const ARTIFACT = `org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip`;
const ZIP_NAME = `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip`;

// Build-time options: changing any of them triggers a new `kc.sh build`.
const BUILD_OPTIONS = ['--db=postgres', '--health-enabled=true'];

// Keycloak asks for Java 17 or newer, but a release may drop 17; the first JDK it accepts wins.
const JDK_CANDIDATES = [
  process.env.JAVA_HOME,
  '/usr/lib/jvm/java-17-openjdk-amd64',
  '/usr/lib/jvm/temurin-25-jdk-amd64',
].filter((home) => home !== undefined && home !== '');

/**
 * Downloads, unpacks and builds Keycloak into the cache once; later calls only read a marker.
 * Resolves with the install folder and the JAVA_HOME the build worked with.
 */
export async function ensureKeycloak({ log = console.log } = {}) {
  const home = path.join(cacheDir('keycloak'), `keycloak-${KEYCLOAK_VERSION}`);
  const marker = path.join(home, '.pos-build.json');
  const wanted = BUILD_OPTIONS.join(' ');

  const built = readJson(marker);
  if (built?.options === wanted && existsSync(path.join(built.javaHome ?? '', 'bin', 'java'))) {
    return { home, javaHome: built.javaHome };
  }

  const zip = await ensureZip(log);
  if (!existsSync(path.join(home, 'bin', 'kc.sh'))) {
    log(`Unpacking Keycloak ${KEYCLOAK_VERSION}…`);
    const staging = path.join(cacheDir('keycloak'), `.unpack-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    await mustRun('unzip', ['-q', zip, '-d', staging]);
    rmSync(home, { recursive: true, force: true });
    renameSync(path.join(staging, `keycloak-${KEYCLOAK_VERSION}`), home);
    rmSync(staging, { recursive: true, force: true });
  }

  const started = Date.now();
  log(`Building Keycloak for Postgres (${wanted})…`);
  const failures = [];
  for (const javaHome of JDK_CANDIDATES) {
    if (!existsSync(path.join(javaHome, 'bin', 'java'))) continue;
    const result = await capture(path.join(home, 'bin', 'kc.sh'), ['build', ...BUILD_OPTIONS], {
      ...process.env,
      JAVA_HOME: javaHome,
    });
    if (result.code === 0) {
      writeFileSync(marker, `${JSON.stringify({ options: wanted, javaHome }, null, 2)}\n`);
      log(`Keycloak built with ${javaHome} in ${seconds(Date.now() - started)}.`);
      return { home, javaHome };
    }
    failures.push(`${javaHome}:\n${lastLines(result.output, 15)}`);
  }
  throw new Error(`kc.sh build failed with every JDK tried:\n${failures.join('\n\n')}`);
}

async function ensureZip(log) {
  const downloads = cacheDir('downloads');
  const zip = path.join(downloads, ZIP_NAME);
  if (existsSync(zip)) return zip;

  log(`Fetching ${ARTIFACT} with Maven…`);
  await mustRun('mvn', [
    '-q',
    'dependency:copy',
    `-Dartifact=${ARTIFACT}`,
    `-DoutputDirectory=${downloads}`,
  ]);
  if (!existsSync(zip)) throw new Error(`Maven finished but ${zip} is not there`);
  return zip;
}

/**
 * Starts Keycloak on Postgres (database `keycloak`, created when missing) and imports the `pos`
 * realm when the database does not hold it yet. An existing realm is left as it is: see
 * `scripts/keycloak-apply-realm.mjs` for bringing it in step with the realm file.
 */
export async function startKeycloak({
  postgresUrl,
  port = 8180,
  managementPort = 9000,
  logFile = path.join(cacheDir('logs'), 'keycloak.log'),
  detached = false,
  adminPassword = process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
  readyTimeoutMs = 300_000,
  log = console.log,
}) {
  if (postgresUrl === undefined) throw new Error('startKeycloak needs postgresUrl');
  for (const busy of [port, managementPort]) {
    if (await isListening(busy)) {
      throw new Error(`port ${busy} is taken; is a Keycloak running already?`);
    }
  }

  const { home, javaHome } = await ensureKeycloak({ log });
  const database = new URL(await ensureDatabase(postgresUrl, 'keycloak'));

  // --import-realm reads every file of data/import; the realm file is the only one we put there.
  const importDir = path.join(home, 'data', 'import');
  mkdirSync(importDir, { recursive: true });
  copyFileSync(REALM_FILE, path.join(importDir, 'realm-pos.json'));

  const url = `http://localhost:${port}`;
  const started = Date.now();
  const service = startService({
    name: 'keycloak',
    command: path.join(home, 'bin', 'kc.sh'),
    args: ['start', '--optimized', '--import-realm'],
    cwd: home,
    logFile,
    detached,
    env: {
      ...runtimeEnv(javaHome, database, managementPort),
      // The issuer in every token is built from this, whatever host a request came in on.
      KC_HOSTNAME: url,
      KC_HTTP_ENABLED: 'true',
      KC_HTTP_PORT: String(port),
      KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
      KC_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      // The readiness poll below would otherwise log a line every 250 ms until ready.
      KC_LOG_LEVEL: 'info,io.smallrye.health:warn',
    },
  });

  try {
    await waitForHttp(
      `http://127.0.0.1:${managementPort}/health/ready`,
      readyTimeoutMs,
      service.isAlive,
    );
  } catch (error) {
    await service.stop();
    throw new Error(`Keycloak did not start (log: ${logFile}): ${error.message}`, {
      cause: error,
    });
  }
  log(`Keycloak ready at ${url} in ${seconds(Date.now() - started)}.`);

  return {
    url,
    issuer: `${url}/realms/${REALM}`,
    managementUrl: `http://localhost:${managementPort}`,
    pid: service.pid,
    logFile,
    stop: service.stop,
  };
}

/**
 * Replaces the `pos` realm in Keycloak's database with the realm file, ids included; Keycloak
 * must be stopped. Everything else in the realm goes: tenants and users created since, sessions
 * (every till signs in again) and signing keys (every token issued before is refused).
 */
export async function replaceRealmOffline({
  postgresUrl,
  managementPort = 9000,
  log = console.log,
}) {
  if (await isListening(managementPort)) {
    throw new Error(`stop Keycloak first: something answers on port ${managementPort}`);
  }
  const { home, javaHome } = await ensureKeycloak({ log });
  const database = new URL(await ensureDatabase(postgresUrl, 'keycloak'));
  await mustRun(
    path.join(home, 'bin', 'kc.sh'),
    ['import', '--optimized', '--file', REALM_FILE, '--override', 'true'],
    { env: { ...process.env, ...runtimeEnv(javaHome, database, managementPort) } },
  );
}

/** What every Keycloak process of ours shares: its JDK, its database, loopback only. */
function runtimeEnv(javaHome, database, managementPort) {
  return {
    JAVA_HOME: javaHome,
    KC_DB_URL: `jdbc:postgresql://${database.hostname}:${database.port || 5432}${database.pathname}`,
    KC_DB_USERNAME: decodeURIComponent(database.username || 'postgres'),
    KC_DB_PASSWORD: decodeURIComponent(database.password),
    KC_HTTP_HOST: '127.0.0.1',
    KC_HTTP_MANAGEMENT_PORT: String(managementPort),
    // One node needs no cluster: the default cache would open JGroups ports on every interface.
    KC_CACHE: 'local',
    KC_LOG_CONSOLE_COLOR: 'false',
  };
}

function isListening(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Runs a command without blocking (Permify builds meanwhile); resolves with code and output. */
function capture(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function lastLines(text, count) {
  return text.trim().split('\n').slice(-count).join('\n');
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
