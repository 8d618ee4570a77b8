import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { freePort } from './stack-services.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const READY_TIMEOUT_MS = 120_000;

export interface SyncServerProcess {
  url: string;
  port: number;
  pid: number;
  /** Resolves with the signal or exit code once the process is gone. */
  exited: Promise<string>;
  isAlive(): boolean;
  /** SIGKILL: no shutdown, no goodbye, like a machine losing power. */
  kill(): Promise<void>;
  /** SIGTERM and wait, SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export interface SyncServerOptions {
  /** Replaces the inherited values; keys set to '' are unset for the server. */
  env: Record<string, string>;
  logFile: string;
  port?: number;
  args?: string[];
}

/** The sync server of `npm run stack` as its own process, started the way the stack does. */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const out = openSync(options.logFile, 'a');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sync-server/src/main.ts', ...(options.args ?? [])],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        ...options.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://localhost:${port}`,
      },
      stdio: ['ignore', out, out],
    },
  );
  closeSync(out);

  let alive = true;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
      resolve(signal ?? `exit ${code}`);
    });
  });
  const pid = child.pid ?? 0;

  const server: SyncServerProcess = {
    url,
    port,
    pid,
    exited,
    isAlive: () => alive,
    async kill() {
      if (alive) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!alive) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (!alive)
      throw new Error(
        `the sync server on ${port} exited (${await exited}); see ${options.logFile}`,
      );
    if (await ready(url)) return server;
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`the sync server on ${port} was not ready in time; see ${options.logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function ready(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}
