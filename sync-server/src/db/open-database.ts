import { mkdir } from 'node:fs/promises';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { lockDataDir } from './data-dir-lock.ts';
import type { Database, Queryable } from './database.ts';
import { tenantScoped } from './tenant-scope.ts';

export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  pgliteDir?: string | undefined;
}

const INT8_OID = 20;

/**
 * Opens Postgres when a URL is given, otherwise the embedded PGlite. Both answer bigint as a
 * JS number (change sequences stay far below 2^53), jsonb as parsed objects and numeric as a
 * string, so no query site needs to know which one it talks to.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl !== undefined && config.databaseUrl !== '') {
    return openPostgres(config.databaseUrl);
  }
  return openPglite(config.pgliteDir ?? 'memory://');
}

function parseInt8(value: string): number {
  return Number(value);
}

function openPostgres(databaseUrl: string): Database {
  // Type parsers on this pool only, so other pg users in the process keep their defaults.
  const types: pg.CustomTypesConfig = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8_OID) return parseInt8;
      return format === 'binary'
        ? pg.types.getTypeParser(oid, 'binary')
        : pg.types.getTypeParser(oid, 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
  const pool = new pg.Pool({ connectionString: databaseUrl, types, max: 10 });

  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  const query: Queryable['query'] = async (sql, params) => {
    const result = await pool.query(sql, params === undefined ? [] : [...params]);
    return { rows: result.rows };
  };

  const db: Database = {
    kind: 'postgres',
    query,
    forTenant: (tenantId) => tenantScoped(db, tenantId),
    async transaction(work) {
      const client = await pool.connect();
      // The pool's error handler covers idle clients only: a connection lost mid-transaction
      // (a Postgres restart) emits on this client, and unheard it would crash the process.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      const tx: Queryable = {
        async query(sql, params) {
          const result = await client.query(sql, params === undefined ? [] : [...params]);
          return { rows: result.rows };
        },
      };
      try {
        await client.query('begin');
        const value = await work(tx);
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback').catch((failed: unknown) => {
          broken ??= failed instanceof Error ? failed : new Error(String(failed));
        });
        throw error;
      } finally {
        client.off('error', onError);
        // A broken connection is closed rather than handed to the next request.
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
  return db;
}

async function openPglite(dir: string): Promise<Database> {
  let unlock: () => Promise<void> = () => Promise.resolve();
  if (!dir.startsWith('memory://')) {
    await mkdir(dir, { recursive: true });
    unlock = await lockDataDir(dir);
  }
  const lite = await PGlite.create(dir, { parsers: { [INT8_OID]: parseInt8 } }).catch(
    async (error: unknown) => {
      await unlock();
      throw error;
    },
  );

  // PGlite is one connection: every statement and transaction waits its turn in this queue, so
  // a request can never run a statement inside another request's open transaction. Inside
  // `transaction(work)`, use the `tx` it passes: `db.query` there would wait for itself.
  let tail: Promise<unknown> = Promise.resolve();
  function enqueue<T>(run: () => Promise<T>): Promise<T> {
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  }

  // Like `pg`, a statement without parameters goes over the simple protocol, so multi-statement
  // scripts (migrations) work on both; the rows are those of the last statement.
  const direct: Queryable = {
    async query(sql, params) {
      if (params === undefined || params.length === 0) {
        const results = await lite.exec(sql);
        return { rows: (results.at(-1)?.rows ?? []) as never[] };
      }
      const result = await lite.query(sql, [...params]);
      return { rows: result.rows as never[] };
    },
  };

  const db: Database = {
    kind: 'pglite',
    query: (sql, params) => enqueue(() => direct.query(sql, params)),
    forTenant: (tenantId) => tenantScoped(db, tenantId),
    transaction(work) {
      return enqueue(async () => {
        await lite.exec('begin');
        try {
          const value = await work(direct);
          await lite.exec('commit');
          return value;
        } catch (error) {
          await lite.exec('rollback').catch(() => undefined);
          throw error;
        }
      });
    },
    async close() {
      await enqueue(() => lite.close());
      await unlock();
    },
  };
  return db;
}
