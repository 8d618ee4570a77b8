import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ensureDatabase } from './postgres.mjs';
import { mustRun, waitForHttp } from './run.mjs';
import { cacheDir, startService } from './service.mjs';

export const PERMIFY_VERSION = 'v1.7.3';
const PERMIFY_PACKAGE = 'github.com/Permify/permify/cmd/permify';

const binDir = () => cacheDir('bin');
const binary = () => path.join(binDir(), 'permify');
const marker = () => path.join(binDir(), `permify-${PERMIFY_VERSION}.installed`);

/**
 * Builds the Permify server from its Go module into the cache; instant once the marker says
 * this version is there.
 *
 * A plain `go install <pkg>@version` looks up the module's deprecation notice through the
 * version list, which the module proxy refuses for Permify, so the build goes through a small
 * wrapper module that requires the command as a tool and installs it from there.
 */
export async function ensurePermify({ logFile } = {}) {
  if (existsSync(marker()) && existsSync(binary())) return binary();

  // A binary left by an earlier run without the marker: keep it when it is the right version.
  if (existsSync(binary()) && installedVersion() === PERMIFY_VERSION) {
    writeFileSync(marker(), `${PERMIFY_VERSION}\n`);
    return binary();
  }

  const buildDir = cacheDir('build', 'permify');
  writeFileSync(
    path.join(buildDir, 'tools.go'),
    `//go:build tools\n\npackage tools\n\nimport _ "${PERMIFY_PACKAGE}"\n`,
  );
  if (!existsSync(path.join(buildDir, 'go.mod'))) {
    writeFileSync(path.join(buildDir, 'go.mod'), 'module posstack/permify\n\ngo 1.26\n');
  }

  const log = logFile ?? path.join(cacheDir('logs'), 'permify-build.log');
  mkdirSync(path.dirname(log), { recursive: true });
  const out = openSync(log, 'a');
  try {
    const options = { cwd: buildDir, stdio: ['ignore', out, out] };
    await mustRun('go', ['get', `${PERMIFY_PACKAGE}@${PERMIFY_VERSION}`], options);
    await mustRun('go', ['install', PERMIFY_PACKAGE], {
      ...options,
      env: { ...process.env, GOBIN: binDir() },
    });
  } catch (error) {
    throw new Error(`building Permify ${PERMIFY_VERSION} failed; see ${log}`, { cause: error });
  } finally {
    closeSync(out);
  }

  const built = installedVersion();
  if (built !== PERMIFY_VERSION) {
    throw new Error(`built Permify reports version ${built}, expected ${PERMIFY_VERSION}`);
  }
  writeFileSync(marker(), `${PERMIFY_VERSION}\n`);
  return binary();
}

function installedVersion() {
  try {
    const output = execFileSync(binary(), ['version'], { encoding: 'utf8', stdio: 'pipe' });
    return output.match(/v\d+\.\d+\.\d+\S*/)?.[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Serves Permify on loopback with its data in the `permify` database of the given Postgres
 * (created when missing; Permify migrates its own tables at start).
 * `invokerPort` is the internal gRPC port Permify always opens for distributed checks; it is
 * moved off its default 5000 so it cannot collide with another service.
 */
export async function startPermify({
  postgresUrl,
  httpPort = 3476,
  grpcPort = 3478,
  invokerPort = 3479,
  logFile = path.join(cacheDir('logs'), 'permify.log'),
  detached = false,
  timeoutMs = 60_000,
}) {
  if (!postgresUrl) throw new Error('startPermify needs postgresUrl');
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  // Another Permify on the port would answer the health check for this one, which then dies.
  if (await answers(`${httpUrl}/healthz`)) {
    throw new Error(`${httpUrl} is already served; stop that Permify or pick other ports`);
  }
  const bin = await ensurePermify();
  const url = new URL(await ensureDatabase(postgresUrl, 'permify'));
  // Loopback Postgres speaks no TLS; spare the driver its attempt.
  if (!url.searchParams.has('sslmode')) url.searchParams.set('sslmode', 'disable');

  const service = startService({
    name: 'permify',
    command: bin,
    args: [
      'serve',
      '--database-engine=postgres',
      `--database-uri=${url}`,
      '--database-auto-migrate=true',
      '--server-host=127.0.0.1',
      `--http-port=${httpPort}`,
      `--grpc-port=${grpcPort}`,
      `--distributed-port=${invokerPort}`,
      '--http-grpc-target-host=127.0.0.1',
      '--log-output=json',
    ],
    logFile,
    detached,
  });

  try {
    await waitForHttp(`${httpUrl}/healthz`, timeoutMs, service.isAlive);
  } catch (error) {
    await service.stop();
    throw new Error(`Permify did not start; see ${logFile}`, { cause: error });
  }
  return { url: httpUrl, pid: service.pid, logFile, stop: service.stop };
}

async function answers(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
