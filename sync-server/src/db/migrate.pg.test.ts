import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import { runMigrations } from './migrate.ts';
import { openDatabase } from './open-database.ts';
import { SETUP_TIMEOUT_MS } from '../testing/setup-timeout.ts';

describe('runMigrations on Postgres', () => {
  let pgdb: FreshPostgres;
  beforeAll(async () => {
    pgdb = await freshPostgres();
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await pgdb.drop();
  });

  it('lets two instances start together: each migration is applied exactly once', async () => {
    const a = await openDatabase({ databaseUrl: pgdb.url });
    const b = await openDatabase({ databaseUrl: pgdb.url });

    const [fromA, fromB] = await Promise.all([runMigrations(a), runMigrations(b)]);

    expect([...fromA, ...fromB].sort()).toEqual([...new Set([...fromA, ...fromB])].sort());
    expect(fromA.length === 0 || fromB.length === 0).toBe(true);
    const { rows } = await a.query<{ n: number }>(
      'select count(*)::int as n from schema_migrations',
    );
    expect(rows[0]?.n).toBe(fromA.length + fromB.length);
    await Promise.all([a.close(), b.close()]);
  });

  it('answers bigint as a number and jsonb as an object, like PGlite', async () => {
    const db = await openDatabase({ databaseUrl: pgdb.url });

    const { rows } = await db.query<{ big: number; doc: { a: number } }>(
      `select $1::bigint as big, $2::jsonb as doc`,
      [42, JSON.stringify({ a: 1 })],
    );

    expect(rows[0]).toEqual({ big: 42, doc: { a: 1 } });
    await db.close();
  });
});
