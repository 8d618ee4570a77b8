/** The stack as `npm run stack` or `npm test` runs it; the environment overrides each part. */
export const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://localhost:8000';

/** The sync servers' own URLs: tills stream from them because the gateway cannot. */
export const SYNC_SERVER_URLS = (
  process.env.SYNC_SERVER_URLS ?? 'http://localhost:8081,http://localhost:8082'
)
  .split(',')
  .map((url) => url.trim())
  .filter((url) => url !== '');

/** Where the running stack lists its services' pids, ports and logs (scripts/lib/stack.mjs). */
export const STACK_STATE_FILE = process.env.STACK_STATE_FILE ?? '.stack/full/stack.json';
