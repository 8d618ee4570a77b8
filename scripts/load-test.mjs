// `npm run test:load`: simulated tills push sales through the gateway for a bounded time and
// the run reports throughput, push latency and every non-2xx answer. Loopback only.
//
//   npm run test:load -- --seconds 30 --tills 6 --interval-ms 50
//
// GATEWAY_URL (default http://localhost:8000) and KEYCLOAK_URL (default http://localhost:8180)
// name the stack; `npm run stack` starts one. Tills are spread over the seeded users of both
// tenants. The gateway's own limits answer 429 (per user) and 503 (whole gateway): those are
// deliberate and counted apart; any other failure fails the run.
import { parseArgs } from 'node:util';

import { SimulatedTill } from '../sync-server/src/faults/simulated-till.ts';
import { SELLERS } from '../sync-server/src/faults/till-seller.ts';
import { keycloakTokens } from '../sync-server/src/faults/token-source.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    tills: { type: 'string', default: '6' },
    'interval-ms': { type: 'string', default: '50' },
  },
});
const seconds = positive('seconds', values.seconds);
const tillCount = positive('tills', values.tills);
const intervalMs = positive('interval-ms', values['interval-ms']);
const gatewayUrl = (process.env.GATEWAY_URL ?? 'http://localhost:8000').replace(/\/+$/, '');
const keycloakUrl = process.env.KEYCLOAK_URL ?? 'http://localhost:8180';
const DRAIN_MS = 60_000;
const LIMITS = new Set(['429', '503']);

function positive(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** A sign-in Keycloak answers with an error is tried again, three times at most. */
async function signIn(tokens) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await tokens.get();
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  console.log(
    `load: ${tillCount} tills for ${seconds} s through ${gatewayUrl}, ` +
      `one sale per till every ${intervalMs} ms`,
  );
  // One session per user, shared by that user's tills; signed in before the clock starts, so
  // the run measures pushes, not Keycloak.
  const tokensOf = new Map();
  const sessions = Array.from({ length: tillCount }, (_, index) => {
    const seller = SELLERS[index % SELLERS.length];
    if (!tokensOf.has(seller.username)) {
      tokensOf.set(seller.username, keycloakTokens(keycloakUrl, seller.username, seller.password));
    }
    return { seller, tokens: tokensOf.get(seller.username) };
  });
  for (const tokens of tokensOf.values()) await signIn(tokens);
  const tills = sessions.map(
    ({ seller, tokens }) =>
      new SimulatedTill({ seller, baseUrl: () => gatewayUrl, tokens, requestTimeoutMs: 30_000 }),
  );

  const started = performance.now();
  for (const till of tills) {
    till.sellEvery(intervalMs, Math.ceil((seconds * 1000) / intervalMs));
    till.start();
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  for (const till of tills) till.stopSelling();
  const drained = await Promise.allSettled(tills.map((till) => till.drain(DRAIN_MS)));
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(tills.map((till) => till.stop()));

  const attempts = tills.flatMap((till) => till.attempts);
  const sold = tills.reduce((sum, till) => sum + till.sold.length, 0);
  const acknowledged = tills.reduce((sum, till) => sum + till.acknowledged.size, 0);
  const waiting = tills.reduce((sum, till) => sum + till.waiting.length, 0);
  const rejected = tills.flatMap((till) => till.rejected);
  const latencies = attempts
    .filter((attempt) => attempt.ok)
    .map((attempt) => attempt.latencyMs)
    .sort((a, b) => a - b);
  const statuses = new Map();
  for (const attempt of attempts) {
    const key = attempt.status === undefined ? 'no answer' : String(attempt.status);
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  }

  const ms = (value) => `${value.toFixed(1)} ms`;
  console.log(`sales: ${sold} rung up, ${acknowledged} acknowledged, ${waiting} still waiting`);
  console.log(
    `throughput: ${(acknowledged / elapsed).toFixed(1)} sales/s over ${elapsed.toFixed(1)} s`,
  );
  console.log(
    `pushes: ${attempts.length}, ${latencies.length} accepted; latency p50 ${ms(percentile(latencies, 50))}, ` +
      `p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1) ?? 0)}`,
  );
  const failures = [...statuses].filter(([status]) => !/^2\d\d$/.test(status));
  const limited = failures.filter(([status]) => LIMITS.has(status));
  const errors = failures.filter(([status]) => !LIMITS.has(status));
  console.log(`rate limited (deliberate): ${format(limited)}`);
  console.log(`errors: ${format(errors)}`);
  if (rejected.length > 0) console.log(`quarantined: ${rejected.length}`, rejected.slice(0, 3));

  const failed =
    errors.length > 0 ||
    waiting > 0 ||
    rejected.length > 0 ||
    drained.some((result) => result.status === 'rejected');
  console.log(failed ? 'FAIL' : 'ok');
  process.exitCode = failed ? 1 : 0;
}

function format(entries) {
  return entries.length === 0
    ? 'none'
    : entries.map(([status, n]) => `${status} × ${n}`).join(', ');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
