import { afterEach, describe, expect, it } from 'vitest';

import type { Database } from './database.ts';
import { runMigrations } from './migrate.ts';
import { openDatabase } from './open-database.ts';

describe('runMigrations on PGlite', () => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it('applies every migration once and records it', async () => {
    db = await openDatabase({ pgliteDir: 'memory://' });

    const first = await runMigrations(db);
    const second = await runMigrations(db);

    expect(first[0]).toBe('001-initial.sql');
    expect(second).toEqual([]);
    const { rows } = await db.query<{ n: number }>(
      'select count(*)::int as n from schema_migrations',
    );
    expect(rows[0]?.n).toBe(first.length);
  });

  it('answers bigint as a number and jsonb as an object', async () => {
    db = await openDatabase({ pgliteDir: 'memory://' });

    const { rows } = await db.query<{ big: number; doc: { a: number } }>(
      `select $1::bigint as big, $2::jsonb as doc`,
      [42, JSON.stringify({ a: 1 })],
    );

    expect(rows[0]).toEqual({ big: 42, doc: { a: 1 } });
  });

  it('never lets a statement run inside another caller’s open transaction', async () => {
    db = await openDatabase({ pgliteDir: 'memory://' });
    await db.query('create table t (v int)');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));

    const tx = db.transaction(async (q) => {
      await q.query('insert into t values ($1)', [1]);
      await held;
      throw new Error('roll back');
    });
    const outside = db.query('insert into t values ($1)', [2]);
    release();

    await expect(tx).rejects.toThrow('roll back');
    await outside;
    const { rows } = await db.query<{ v: number }>('select v from t');
    expect(rows).toEqual([{ v: 2 }]);
  });
});
