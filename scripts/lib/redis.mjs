import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

import { run } from './run.mjs';
import { cacheDir, startService } from './service.mjs';

export const REDIS_SERVER = '/usr/bin/redis-server';

const isRoot = process.getuid?.() === 0;

/**
 * Installs Debian's `redis-server` when it is missing. A fresh machine may have no package
 * lists yet, so a failed install is retried once after `apt-get update`.
 */
export async function ensureRedis() {
  if (existsSync(REDIS_SERVER)) return REDIS_SERVER;
  if (!isRoot)
    throw new Error(`${REDIS_SERVER} is missing; install it: apt-get install redis-server`);

  const options = { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  const install = () => run('apt-get', ['install', '-y', '-qq', 'redis-server'], options);
  if ((await install()) !== 0) {
    await run('apt-get', ['update', '-qq'], options);
    if ((await install()) !== 0) throw new Error('apt-get install redis-server failed');
  }
  if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is still missing after install`);
  return REDIS_SERVER;
}

/**
 * Serves Redis on loopback as a cache only: nothing is saved to disk (every key can be rebuilt
 * from Postgres), memory is capped and the least recently used key of any kind is evicted when
 * the cap is reached, so a full cache keeps answering instead of refusing writes. Pub/sub uses
 * no memory that eviction could take.
 */
export async function startRedis({
  port = 6379,
  dataDir = cacheDir('redis'),
  logFile = path.join(cacheDir('logs'), 'redis.log'),
  maxMemory = '64mb',
  detached = false,
  timeoutMs = 15_000,
} = {}) {
  const bin = await ensureRedis();
  mkdirSync(dataDir, { recursive: true });

  const service = startService({
    name: 'redis',
    command: bin,
    args: [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dataDir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory',
      maxMemory,
      '--maxmemory-policy',
      'allkeys-lru',
      '--daemonize',
      'no',
    ],
    logFile,
    detached,
  });

  try {
    await waitForPing(port, timeoutMs, service.isAlive);
  } catch (error) {
    await service.stop();
    throw new Error(`Redis did not start; see ${logFile}`, { cause: error });
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: service.pid, logFile, stop: service.stop };
}

/** Sends PING until Redis answers PONG; a loading or starting server answers otherwise. */
export async function waitForPing(port, timeoutMs, isAlive = () => true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the Redis process for port ${port} exited`);
    if (await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Redis on port ${port} did not answer PING within ${timeoutMs} ms`);
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}
