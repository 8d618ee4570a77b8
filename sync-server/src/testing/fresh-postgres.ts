import { randomBytes } from 'node:crypto';

import pg from 'pg';

export interface FreshPostgres {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database next to the one DATABASE_URL names, so each pg test file starts
 * from nothing and never sees another file's rows.
 */
export async function freshPostgres(): Promise<FreshPostgres> {
  const adminUrl = process.env['DATABASE_URL'];
  if (adminUrl === undefined || adminUrl === '') {
    throw new Error('DATABASE_URL is required for *.pg.test.ts');
  }
  const name = `pos_test_${randomBytes(6).toString('hex')}`;

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
