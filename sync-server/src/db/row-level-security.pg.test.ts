import { afterAll } from 'vitest';

import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import { openDatabase } from './open-database.ts';
import { rowLevelSecuritySuite } from './row-level-security-suite.ts';

const databases: FreshPostgres[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

rowLevelSecuritySuite('Postgres', async () => {
  const database = await freshPostgres();
  databases.push(database);
  return openDatabase({ databaseUrl: database.url });
});
