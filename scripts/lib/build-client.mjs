import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { clientDist, repoRoot } from './paths.mjs';
import { mustRun } from './run.mjs';

function newestMtime(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Builds the till unless dist/client is newer than every source it is built from. */
export async function buildClientIfStale({ force = false } = {}) {
  const builtIndex = path.join(clientDist, 'index.html');
  const sources = ['client', 'shared/src', 'vite.config.ts', 'package-lock.json'].map((p) =>
    path.join(repoRoot, p),
  );
  const stale =
    force ||
    !existsSync(builtIndex) ||
    Math.max(...sources.filter((p) => existsSync(p)).map(newestMtime)) >
      statSync(builtIndex).mtimeMs;
  if (!stale) return;

  console.log('Building the till…');
  await mustRun('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot });
}
