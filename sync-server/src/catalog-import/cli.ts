import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { idSchema } from '@pos/shared';

import { runMigrations } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { CsvError } from './csv-read.ts';
import { prepareImportFile, UnknownFormatError } from './import-file.ts';
import { summarize } from './report.ts';
import { UnknownTenantError, writeCatalog } from './write-catalog.ts';

const USAGE = 'usage: npm run import -- <file> --tenant <id> [--dry-run] [--json]';
const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

const EXIT_FAILED = 1;
const EXIT_USAGE_OR_FORMAT = 2;

class UsageError extends Error {}

interface Options {
  file: string;
  tenant: string | undefined;
  dryRun: boolean;
  json: boolean;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        tenant: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function readOptions(argv: string[]): Options {
  const { values, positionals } = parse(argv);

  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    throw new UsageError('give exactly one file');
  }
  const dryRun = values['dry-run'];
  if (values.tenant === undefined && !dryRun) {
    throw new UsageError('--tenant is required unless --dry-run');
  }
  if (values.tenant !== undefined && !idSchema.safeParse(values.tenant).success) {
    throw new UsageError(`"${values.tenant}" is not a tenant id`);
  }

  return { file, tenant: values.tenant, dryRun, json: values.json };
}

/** Same database as the server: DATABASE_URL, else PGLITE_DIR relative to the repo root. */
function databaseConfig(env: NodeJS.ProcessEnv): { databaseUrl?: string; pgliteDir: string } {
  const dir = env.PGLITE_DIR || '.stack/data/pglite';
  const pgliteDir = dir.startsWith('memory://') ? dir : resolve(REPO_ROOT, dir);
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, pgliteDir } : { pgliteDir };
}

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  const { report, catalog } = await prepareImportFile(options.file, new Date().toISOString());

  if (!options.dryRun && options.tenant !== undefined) {
    const db = await openDatabase(databaseConfig(process.env));
    try {
      await runMigrations(db);
      await writeCatalog(db, options.tenant, catalog);
    } finally {
      await db.close();
    }
  }

  console.log(options.json ? JSON.stringify(report, null, 2) : summarize(report, options.dryRun));
  return 0;
}

function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    return EXIT_USAGE_OR_FORMAT;
  }
  if (error instanceof UnknownFormatError) {
    console.error(error.message);
    return EXIT_USAGE_OR_FORMAT;
  }
  if (error instanceof UnknownTenantError || error instanceof CsvError) {
    console.error(error.message);
    return EXIT_FAILED;
  }
  console.error(error instanceof Error ? error.message : String(error));
  return EXIT_FAILED;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => (process.exitCode = exitCodeFor(error)),
);
