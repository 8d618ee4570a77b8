import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { CONFIG_FILE, writeKrakendConfig } from '../../krakend/render-config.mjs';
import { repoRoot } from './paths.mjs';
import { mustRun, waitForHttp } from './run.mjs';
import { cacheDir, startService } from './service.mjs';

/**
 * The gateway is our own small main package (krakend/gateway) on Lura and the KrakenD modules,
 * since the KrakenD CE module itself cannot be downloaded here. It reads the same version 3
 * configuration and answers `run -c` and `check -c` like `krakend` does.
 */
const sourceDir = path.join(repoRoot, 'krakend', 'gateway');
const binary = () => path.join(cacheDir('bin'), 'pos-gateway');
const marker = () => path.join(cacheDir('bin'), 'pos-gateway.source');

/** Every file the binary is built from; a change to any of them means a rebuild. */
function sourceHash() {
  const hash = createHash('sha256');
  const files = readdirSync(sourceDir)
    .filter((name) => name.endsWith('.go') || name === 'go.mod' || name === 'go.sum')
    .sort();
  for (const name of files) {
    hash.update(name);
    hash.update(readFileSync(path.join(sourceDir, name)));
  }
  return hash.digest('hex');
}

/** Builds the gateway into the cache; instant while the sources are the ones it was built from. */
export async function ensureKrakend({ logFile } = {}) {
  const wanted = sourceHash();
  if (
    existsSync(binary()) &&
    existsSync(marker()) &&
    readFileSync(marker(), 'utf8').trim() === wanted
  ) {
    return binary();
  }

  const log = logFile ?? path.join(cacheDir('logs'), 'gateway-build.log');
  mkdirSync(path.dirname(log), { recursive: true });
  const out = openSync(log, 'a');
  // Built beside the old binary and renamed over it, so a running gateway or a second build
  // never sees half a file.
  const partial = `${binary()}.${process.pid}.partial`;
  try {
    await mustRun('go', ['build', '-mod=readonly', '-trimpath', '-o', partial, '.'], {
      cwd: sourceDir,
      stdio: ['ignore', out, out],
    });
  } catch (error) {
    throw new Error(`building the gateway failed; see ${log}`, { cause: error });
  } finally {
    closeSync(out);
  }
  renameSync(partial, binary());
  writeFileSync(marker(), `${wanted}\n`);
  return binary();
}

/**
 * Validates a configuration file the way the gateway will read it. Resolves with the checker's
 * output; rejects with every problem it found.
 */
export async function checkKrakendConfig(file) {
  const bin = await ensureKrakend();
  const result = spawnSync(bin, ['check', '-c', file], { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`.trim();
  if (result.status !== 0) {
    throw new Error(`gateway configuration ${file} is invalid:\n${output}`);
  }
  return output;
}

/**
 * @typedef {object} StartKrakendOptions
 * @property {string} [configFile] a finished configuration; rendered from the settings otherwise
 * @property {number} [port]
 * @property {string[]} [backends] the sync servers' base URLs
 * @property {Record<string, unknown>} [settings] overrides of krakend/settings.mjs
 * @property {string} [logFile]
 * @property {boolean} [detached]
 * @property {Record<string, string>} [env]
 * @property {number} [timeoutMs]
 */

/**
 * Serves the gateway and resolves once `/__health` answers. Without `configFile` it renders
 * krakend/krakend.json's settings with `settings` and `backends` over them (the sync servers'
 * URLs) into the cache, so several gateways can run side by side.
 * @param {StartKrakendOptions} [options]
 */
export async function startKrakend({
  configFile,
  port = 8000,
  backends,
  settings = {},
  logFile = path.join(cacheDir('logs'), 'gateway.log'),
  detached = false,
  env = {},
  timeoutMs = 30_000,
} = {}) {
  const url = `http://127.0.0.1:${port}`;
  // Another process on the port would answer the health check for this one, which then dies.
  if (await answers(`${url}/__health`)) {
    throw new Error(`${url} is already served; stop that gateway or pick another port`);
  }

  const bin = await ensureKrakend();
  const file =
    configFile ??
    writeKrakendConfig(path.join(cacheDir('gateway'), `krakend-${port}.json`), {
      ...settings,
      port,
      ...(backends ? { backends } : {}),
    });
  await checkKrakendConfig(file);

  const service = startService({
    name: 'gateway',
    command: bin,
    args: ['run', '-c', file, '-p', String(port)],
    env,
    logFile,
    detached,
  });
  try {
    await waitForHttp(`${url}/__health`, timeoutMs, service.isAlive);
  } catch (error) {
    await service.stop();
    throw new Error(`the gateway did not start; see ${logFile}`, { cause: error });
  }
  return { url, pid: service.pid, logFile, configFile: file, stop: service.stop };
}

export { CONFIG_FILE as KRAKEND_CONFIG_FILE };

async function answers(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
