import type { PushResponse } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiClient, type ApiClient } from '../testing/api-client.ts';
import { buildStaff } from '../testing/build-documents.ts';
import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import {
  buildSale,
  createTestApp,
  demoProducts,
  login,
  SETUP_TIMEOUT_MS,
  type TestApp,
} from '../testing/test-app.ts';
import { writeDocuments } from './write-documents.ts';

/** The same guarantees as push-authorization.test.ts, on the Postgres production runs. */
describe('pushed sales checked through the authorizer, on Postgres', () => {
  const product = demoProducts()[1];
  if (product === undefined) throw new Error('no demo product');
  let database: FreshPostgres;
  let t: TestApp;
  let cashier: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    database = await freshPostgres();
    t = await createTestApp(database.url);
    cashier = apiClient(t, (await login(t.app, 'cashier@demo.test', 'cashier123')).access_token);
    manager = apiClient(t, (await login(t.app, 'manager@demo.test', 'manager123')).access_token);
    await t.db.transaction((tx) =>
      writeDocuments(tx, 'demo', 'staff', [
        buildStaff('staff-leaver', { roles: ['cashier'], _deleted: true }),
      ]),
    );
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  const count = async (ids: string[]) => {
    const { rows } = await t.db.query<{ n: number }>(
      `select ((select count(*) from documents where id = any($1::text[])
                   or data ->> 'saleId' = any($1::text[]))
             + (select count(*) from quarantine where document_id = any($1::text[]))
             + (select count(*) from sale_receipts where sale_id = any($1::text[])))::int as n`,
      [ids],
    );
    return rows[0]?.n;
  };

  it('rolls nothing in while the authorizer is down, and quarantines a removed cashier’s sale', async () => {
    const ordinary = buildSale(1, [{ product, quantity: 1000 }]);
    const byLeaver = buildSale(2, [{ product, quantity: 1000 }], { cashierId: 'staff-leaver' });

    t.authorizer.down = true;
    const refused = await cashier.push('sales', [ordinary, byLeaver]);
    t.authorizer.down = false;

    expect(refused.status).toBe(503);
    expect(refused.body as unknown).toMatchObject({ kind: 'unavailable' });
    expect(await count([ordinary.id, byLeaver.id])).toBe(0);

    const pushed = await cashier.push('sales', [ordinary, byLeaver]);
    const listed = await manager.get<{ entries: { documentId: string; code: string }[] }>(
      '/api/quarantine',
    );

    expect((pushed.body as PushResponse).rejected.map((r) => [r.id, r.code])).toEqual([
      [byLeaver.id, 'not_permitted'],
    ]);
    expect(listed.body.entries).toContainEqual(
      expect.objectContaining({ documentId: byLeaver.id, code: 'not_permitted' }),
    );
  });
});
