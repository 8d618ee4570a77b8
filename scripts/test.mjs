// `npm test`: installs what is missing, then runs every suite: static checks, unit tests,
// integration tests against a real Postgres it starts, and the end-to-end suite in Chromium.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { buildClientIfStale } from './lib/build-client.mjs';
import { ensureNodeDependencies } from './lib/ensure-deps.mjs';
import { repoRoot, stackDir } from './lib/paths.mjs';
import { startThrowawayPostgres } from './lib/postgres.mjs';
import { run } from './lib/run.mjs';
import { ensureSystemPackages } from './lib/system-packages.mjs';

const reportsDir = path.join(stackDir, 'reports');
const only = process.argv.slice(2);
const wanted = (suite) => only.length === 0 || only.includes(suite);

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
  await ensureSystemPackages({ postgres: wanted('pg'), chromium: wanted('e2e') });
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

  if (wanted('e2e')) {
    await buildClientIfStale();
    const out = path.join(reportsDir, 'e2e.json');
    await suite('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    });
    counts.push(playwrightCounts(out));
  }

  console.log('\n=== summary ===');
  for (const r of results)
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
  const passed = counts.reduce((sum, c) => sum + c.passed, 0);
  const failed = counts.reduce((sum, c) => sum + c.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = results.every((r) => r.ok) && failed === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
