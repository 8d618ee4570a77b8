import { chownSync, mkdtempSync, rmSync } from 'node:fs';
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

  await mustRun(
    ...asPostgres(`${bin}/initdb`, ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']),
    { stdio: 'ignore' },
  );
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  await mustRun(
    ...asPostgres(`${bin}/pg_ctl`, [
      '-D',
      dataDir,
      '-o',
      options,
      '-l',
      `${dir}/log`,
      '-w',
      'start',
    ]),
    { stdio: 'ignore' },
  );

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

async function postgresIds() {
  const { execFileSync } = await import('node:child_process');
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return [uid, gid];
}
