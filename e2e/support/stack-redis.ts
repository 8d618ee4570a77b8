import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { startRedis } from '../../scripts/lib/redis.mjs';
import { STACK_STATE_FILE } from './stack-env.ts';

interface StackService {
  name: string;
  url?: string;
  pid?: number;
  logFile?: string;
}

function readState(): StackService[] {
  try {
    return JSON.parse(readFileSync(STACK_STATE_FILE, 'utf8')) as StackService[];
  } catch (error) {
    throw new Error(
      `No stack state at ${STACK_STATE_FILE} (start the stack with npm run stack, or set ` +
        `STACK_STATE_FILE): ${String(error)}`,
      { cause: error },
    );
  }
}

function redisOf(state: StackService[]): StackService & { pid: number; url: string } {
  const redis = state.find((service) => service.name === 'redis');
  if (redis?.pid === undefined || redis.url === undefined) {
    throw new Error(`${STACK_STATE_FILE} names no running Redis`);
  }
  return { ...redis, pid: redis.pid, url: redis.url };
}

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the stack's Redis (its whole process group) and waits until it is gone. */
export async function stopStackRedis(): Promise<void> {
  const { pid } = redisOf(readState());
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + 15_000;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`Redis (pid ${pid}) did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts Redis again where the stack ran it (same port, data folder and log) and records the
 * new pid in the state file, so `npm run stack:down` and the test runner stop this one.
 */
export async function restartStackRedis(): Promise<void> {
  const state = readState();
  const redis = redisOf(state);
  if (alive(redis.pid)) return;

  const started = await startRedis({
    port: Number(new URL(redis.url).port),
    dataDir: path.join(path.dirname(STACK_STATE_FILE), 'redis'),
    ...(redis.logFile === undefined ? {} : { logFile: redis.logFile }),
    detached: true,
  });
  const next = state.map((service) =>
    service.name === 'redis' ? { ...service, pid: started.pid } : service,
  );
  writeFileSync(STACK_STATE_FILE, `${JSON.stringify(next, null, 2)}\n`);
}
