import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Downloads and builds live here, outside the repo, so a second run (and a fresh clone on the
 * same machine) reuses them. POS_STACK_CACHE moves it.
 */
export const STACK_CACHE =
  process.env.POS_STACK_CACHE ?? path.join(homedir(), '.cache', 'pos-stack');

export function cacheDir(...parts) {
  const dir = path.join(STACK_CACHE, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Starts a long-running service in its own process group with its output in `logFile`.
 * `stop()` ends the whole group (Keycloak and Permify start children of their own).
 * With `detached: true` the service outlives this script (`npm run stack`); its pid is then the
 * handle `stack:down` uses.
 */
export function startService({ name, command, args, env = {}, cwd, logFile, detached = false }) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'a');
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
    detached: true,
  });
  closeSync(out);
  if (detached) child.unref();

  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  return {
    name,
    pid: child.pid,
    logFile,
    isAlive: () => !exited,
    stop: () => stopProcessGroup(child.pid, () => exited),
  };
}

/** SIGTERM to the group, SIGKILL after `graceMs` if anything of it is still there. */
export async function stopProcessGroup(pid, hasExited = () => false, graceMs = 10_000) {
  if (pid === undefined) return;
  if (!signalGroup(pid, 'SIGTERM')) return;

  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (hasExited() && !signalGroup(pid, 0)) return;
    if (!signalGroup(pid, 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
