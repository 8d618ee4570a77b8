import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from './paths.mjs';
import { mustRun } from './run.mjs';

/** Installs node packages when they are missing or older than the lockfile. */
export async function ensureNodeDependencies() {
  const installed = path.join(repoRoot, 'node_modules', '.package-lock.json');
  const lock = path.join(repoRoot, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;

  console.log('Installing node packages (first run)…');
  await mustRun('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: repoRoot,
    // Playwright drives Debian's Chromium; it must never download a browser of its own.
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
}
