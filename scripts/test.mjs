// `npm test`: installs what is missing, then runs every suite: static checks, unit tests,
// integration tests against a real Postgres it starts, and the end-to-end suite in Chromium.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { buildClientIfStale } from './lib/build-client.mjs';
import { ensureNodeDependencies } from './lib/ensure-deps.mjs';
import { repoRoot, stackDir } from './lib/paths.mjs';
import { ensureDatabase, startThrowawayPostgres } from './lib/postgres.mjs';
import { run } from './lib/run.mjs';
import {
  readStackState,
  STACK_PORTS,
  startStack,
  stopServices,
  writeStackState,
} from './lib/stack.mjs';
import { ensureSystemPackages } from './lib/system-packages.mjs';

const reportsDir = path.join(stackDir, 'reports');
const only = process.argv.slice(2);
// `soak` (the long convergence run) only runs when asked for by name.
const wanted = (suite) => (only.length === 0 && suite !== 'soak') || only.includes(suite);

const results = [];

async function suite(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const code = await run(command, args, { cwd: repoRoot, env: { ...process.env, ...env } });
  results.push({ name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
  return code === 0;
}

function vitestCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
}

async function main() {
  await ensureNodeDependencies();
  await ensureSystemPackages({
    postgres: wanted('pg') || wanted('stack') || wanted('soak'),
    chromium: wanted('e2e') || wanted('stack'),
    redis: wanted('stack'),
  });
  rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });

  const counts = [];

  if (wanted('static')) {
    await suite('typecheck', 'npm', ['run', '--silent', 'typecheck']);
    await suite('lint', 'npx', ['eslint', '.']);
    await suite('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
  }

  if (wanted('unit')) {
    const out = path.join(reportsDir, 'unit.json');
    await suite('unit', 'npx', [
      'vitest',
      'run',
      '--project',
      'unit',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ]);
    counts.push(vitestCounts(out));
  }

  if (wanted('pg')) {
    const postgres = await startThrowawayPostgres();
    try {
      const out = path.join(reportsDir, 'pg.json');
      await suite(
        'postgres',
        'npx',
        [
          'vitest',
          'run',
          '--project',
          'pg',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${out}`,
        ],
        { DATABASE_URL: postgres.url },
      );
      counts.push(vitestCounts(out));
    } finally {
      await postgres.stop();
    }
  }

  if (wanted('soak')) {
    const postgres = await startThrowawayPostgres();
    try {
      const out = path.join(reportsDir, 'soak.json');
      await suite(
        'soak: convergence of simulated tills',
        'npx',
        [
          'vitest',
          'run',
          '--project',
          'pg',
          'client/src/sync/convergence.pg.test.ts',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${out}`,
        ],
        { DATABASE_URL: postgres.url, SOAK_SECONDS: process.env.SOAK_SECONDS ?? '600' },
      );
      counts.push(vitestCounts(out));
    } finally {
      await postgres.stop();
    }
  }

  if (wanted('e2e')) {
    await buildClientIfStale();
    const out = path.join(reportsDir, 'e2e.json');
    await suite('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    });
    counts.push(playwrightCounts(out));
  }

  if (wanted('stack')) await stackSuites(counts);

  console.log('\n=== summary ===');
  for (const r of results)
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
  const passed = counts.reduce((sum, c) => sum + c.passed, 0);
  const failed = counts.reduce((sum, c) => sum + c.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = results.every((r) => r.ok) && failed === 0 ? 0 : 1;
}

/**
 * The suites that need the real services: the same stack `npm run stack` runs (Postgres, Redis,
 * Keycloak, Permify, two sync servers, the gateway), started fresh in a temporary folder.
 */
async function stackSuites(counts) {
  await buildClientIfStale();
  const dir = mkdtempSync(path.join(tmpdir(), 'pos-stack-'));
  console.log('\n=== starting the stack ===');
  const started = Date.now();
  let stack;
  try {
    stack = await startStack({ dir, persistent: false, detached: false });
  } catch (error) {
    console.error(`the stack did not start: ${error.message}`);
    results.push({ name: 'stack start', ok: false, seconds: (Date.now() - started) / 1000 });
    counts.push({ passed: 0, failed: 1 });
    return;
  }
  results.push({ name: 'stack start', ok: true, seconds: (Date.now() - started) / 1000 });
  // Suites that restart a service (Redis, mid-run) find its pid, port and log here.
  writeStackState(dir, stack.services);

  try {
    const env = {
      STACK_STATE_FILE: path.join(dir, 'stack.json'),
      // Tests that build their own app get a database of their own beside the servers' one.
      DATABASE_URL: await ensureDatabase(stack.postgres.url, 'pos_tests'),
      STACK_DATABASE_URL: stack.databases.pos,
      REDIS_URL: stack.redis.url,
      KEYCLOAK_URL: stack.keycloak.url,
      PERMIFY_URL: stack.permify.url,
      GATEWAY_URL: `http://localhost:${STACK_PORTS.gateway}`,
      SYNC_SERVER_URLS: STACK_PORTS.syncServers.map((p) => `http://localhost:${p}`).join(','),
    };
    const out = path.join(reportsDir, 'stack.json');
    await suite(
      'stack integration',
      'npx',
      [
        'vitest',
        'run',
        '--project',
        'stack',
        '--project',
        'redis',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${out}`,
      ],
      env,
    );
    counts.push(vitestCounts(out));

    const e2eOut = path.join(reportsDir, 'e2e-stack.json');
    await suite(
      'e2e through the stack',
      'npx',
      ['playwright', 'test', '-c', 'playwright.stack.config.ts', '--reporter=list,json'],
      { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eOut },
    );
    counts.push(playwrightCounts(e2eOut));

    // The till as the stack serves it: through the gateway, streaming from the sync servers.
    const gatewayOut = path.join(reportsDir, 'e2e-gateway.json');
    await suite(
      'e2e through the gateway',
      'npx',
      ['playwright', 'test', '-c', 'playwright.gateway.config.ts', '--reporter=list,json'],
      { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: gatewayOut },
    );
    counts.push(playwrightCounts(gatewayOut));
  } finally {
    await stopServices(stack.services);
    // A suite that restarted a service wrote its new pid to the state file; stop that one too.
    const startedPids = new Set(stack.services.map((service) => service.pid));
    await stopServices(readStackState(dir).filter((service) => !startedPids.has(service.pid)));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
