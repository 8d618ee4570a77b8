import { afterAll } from 'vitest';

import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import { createTestApp } from '../testing/test-app.ts';
import { badInputSuite } from './bad-input-suite.ts';

const databases: FreshPostgres[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

badInputSuite('Postgres', async () => {
  const database = await freshPostgres();
  databases.push(database);
  return createTestApp(database.url);
});
