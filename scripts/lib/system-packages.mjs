import { existsSync, readdirSync } from 'node:fs';

import { mustRun } from './run.mjs';

const isRoot = process.getuid?.() === 0;

/** The newest Debian-packaged Postgres server binaries, or null when none is installed. */
export function findPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(`${base}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? `${base}/${versions[0]}/bin` : null;
}

export const chromiumPath = '/usr/bin/chromium';

/**
 * Installs Debian packages the tests need when they are missing. Without root it cannot, so it
 * says what to install instead of failing later with a stranger error.
 */
export async function ensureSystemPackages({
  postgres = false,
  chromium = false,
  redis = false,
} = {}) {
  const missing = [];
  if (redis && !existsSync('/usr/bin/redis-server')) missing.push('redis-server');
  if (postgres && !findPostgresBin()) missing.push('postgresql');
  if (chromium && !existsSync(chromiumPath)) missing.push('chromium');
  if (missing.length === 0) return;

  if (!isRoot) {
    throw new Error(`Missing system packages: ${missing.join(', ')}. Install them with apt-get.`);
  }
  console.log(`Installing ${missing.join(', ')} from Debian's packages…`);
  await mustRun('apt-get', ['update', '-qq']);
  await mustRun('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
