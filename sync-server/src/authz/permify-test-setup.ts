import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

/**
 * The Permify a stack test talks to. Missing is a failure, not a skip: `npm test` starts
 * Permify and sets it, and a stack run without it would prove nothing.
 */
export function permifyUrlFromEnv(): string {
  const url = process.env['PERMIFY_URL'];
  if (url === undefined || url === '') {
    throw new Error(
      'PERMIFY_URL is required for the Permify stack tests: start Permify with ' +
        'scripts/lib/permify.mjs and set PERMIFY_URL to its HTTP address (http://127.0.0.1:3476)',
    );
  }
  return url;
}

/** A tenant id no earlier run used, so every run starts from an empty Permify tenant. */
export function freshTenantId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/** A loopback port nothing listens on: connecting to it is refused at once. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
