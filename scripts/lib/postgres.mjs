import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { mustRun, run } from './run.mjs';
import { findPostgresBin } from './system-packages.mjs';

const isRoot = process.getuid?.() === 0;

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Postgres refuses to run as root, so as root every step runs as the postgres user.
function asPostgres(binary, args) {
  if (!isRoot) return [binary, args];
  return ['runuser', ['-u', 'postgres', '--', binary, ...args]];
}

/**
 * Starts a throwaway Postgres on loopback in a temporary folder; `stop()` removes it all.
 * Each test run gets a fresh cluster, so no state leaks between runs.
 */
export async function startThrowawayPostgres() {
  const bin = findPostgresBin();
  if (!bin) throw new Error('No Postgres server found under /usr/lib/postgresql.');

  const dir = mkdtempSync(path.join(tmpdir(), 'pos-pg-'));
  if (isRoot) chownSync(dir, ...(await postgresIds()));
  const dataDir = path.join(dir, 'data');
  const port = await freePort();

  await initCluster(bin, dataDir);
  await startCluster(bin, { dir, dataDir, port, extra: '-c fsync=off' });

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async stop() {
      await run(...asPostgres(`${bin}/pg_ctl`, ['-D', dataDir, '-m', 'fast', '-w', 'stop']), {
        stdio: 'ignore',
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function initCluster(bin, dataDir) {
  const args = ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8'];
  return mustRun(...asPostgres(`${bin}/initdb`, args), { stdio: 'ignore' });
}

/** Loopback only, its socket in `dir`; room for Keycloak, Permify and two sync servers. */
function startCluster(bin, { dir, dataDir, port, extra = '' }) {
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 ${extra}`;
  const args = ['-D', dataDir, '-o', options.trim(), '-l', `${dir}/log`, '-w', 'start'];
  return mustRun(...asPostgres(`${bin}/pg_ctl`, args), { stdio: 'ignore' });
}

async function postgresIds() {
  const { execFileSync } = await import('node:child_process');
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return [uid, gid];
}

/**
 * A Postgres cluster kept in `dir` across runs (`npm run stack`): created on first use, started
 * when it is not running. With `detached` it outlives this script; `stop()` shuts it down and
 * keeps the data.
 */
export async function startPersistentPostgres({ dir, port }) {
  const bin = findPostgresBin();
  if (!bin) throw new Error('No Postgres server found under /usr/lib/postgresql.');

  mkdirSync(dir, { recursive: true });
  if (isRoot) chownSync(dir, ...(await postgresIds()));
  const dataDir = path.join(dir, 'data');
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initCluster(bin, dataDir);

  const status = asPostgres(`${bin}/pg_ctl`, ['-D', dataDir, 'status']);
  const running = (await run(...status, { stdio: 'ignore' })) === 0;
  if (!running) await startCluster(bin, { dir, dataDir, port });

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    logFile: `${dir}/log`,
    async stop() {
      await run(...asPostgres(`${bin}/pg_ctl`, ['-D', dataDir, '-m', 'fast', '-w', 'stop']), {
        stdio: 'ignore',
      });
    },
  };
}

/** Creates database `name` on the server of `adminUrl` unless it exists; returns its URL. */
export async function ensureDatabase(adminUrl, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) await client.query(`create database "${name.replaceAll('"', '')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Stops the cluster of `startPersistentPostgres` in `dir`, keeping its data. */
export async function stopPersistentPostgres(dir) {
  const bin = findPostgresBin();
  const dataDir = path.join(dir, 'data');
  if (!bin || !existsSync(dataDir)) return;
  await run(...asPostgres(`${bin}/pg_ctl`, ['-D', dataDir, '-m', 'fast', '-w', 'stop']), {
    stdio: 'ignore',
  });
}
