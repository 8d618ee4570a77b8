import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A folder for the logs and data of the services one fault test starts; POS_FAULT_KEEP_LOGS=1
 * keeps it for reading after a failure.
 */
export function faultScratch(name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `pos-fault-${name}-`));
  return {
    dir,
    file: (file: string) => path.join(dir, file),
    remove: () => {
      if (process.env['POS_FAULT_KEEP_LOGS'] !== '1') rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** How the stack's servers run: real Keycloak tokens, Permify permissions, Redis. */
export const STACK_ISSUER = 'http://localhost:8180/realms/pos';

/** A server on the embedded issuer and permission model: for faults where those are not the point. */
export const EMBEDDED_SERVER_ENV = {
  AUTH_MODE: 'embedded',
  AUTH_ISSUER: '',
  AUTHZ_MODE: 'embedded',
  REDIS_URL: '',
} as const;

/** Seeds the demo tenants on a fresh database; the catalog size keeps the start quick. */
export const SEED_ARGS = ['--seed-demo', '--demo-size', '20'];
