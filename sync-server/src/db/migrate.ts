import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import type { Database } from './database.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Any fixed number works; it only has to be the same in every server instance. */
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Applies every `migrations/*.sql` not yet recorded in schema_migrations, in file-name order,
 * in one transaction. On Postgres an advisory lock held by that transaction makes a second
 * instance starting at the same moment wait, then find everything applied.
 */
export async function runMigrations(db: Database, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();

  return db.transaction(async (tx) => {
    if (db.kind === 'postgres') {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    }

    await tx.query(
      `create table if not exists schema_migrations (
         name text primary key,
         applied_at timestamptz not null default now()
       )`,
    );
    const { rows } = await tx.query<{ name: string }>('select name from schema_migrations');
    const applied = new Set(rows.map((row) => row.name));

    const newlyApplied: string[] = [];
    for (const name of files) {
      if (applied.has(name)) continue;
      const sql = await readFile(`${dir}/${name}`, 'utf8');
      await tx.query(sql);
      await tx.query('insert into schema_migrations (name) values ($1)', [name]);
      newlyApplied.push(name);
    }
    return newlyApplied;
  });
}
