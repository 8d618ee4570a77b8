import type { PushResponse } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { applyPush } from '../replication/apply-push.ts';
import { lockTenantWrites } from '../replication/lock-tenant-writes.ts';
import { askPermits } from '../replication/push-permits.ts';
import { pushQuestions } from '../replication/push-questions.ts';
import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import {
  bearer,
  buildRefund,
  buildSale,
  createTestApp,
  demoProducts,
  login,
  pushBody,
  type TestApp,
  SETUP_TIMEOUT_MS,
} from '../testing/test-app.ts';

describe('refunds racing on Postgres', () => {
  let database: FreshPostgres;
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    database = await freshPostgres();
    t = await createTestApp(database.url);
    token = (await login(t.app, 'cashier@demo.test', 'cashier123')).access_token;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  const push = async (document: unknown) => {
    const response = await t.app.request('/api/sync/sales/push', {
      method: 'POST',
      headers: bearer(token),
      body: pushBody([{ assumedMasterState: null, newDocumentState: document }]),
    });
    return (await response.json()) as PushResponse;
  };

  const product = demoProducts()[0];
  if (product === undefined) throw new Error('no demo product');
  let nextSeq = 1;
  const storedSale = async () => {
    const sale = buildSale(nextSeq++, [{ product, quantity: 1000 }]);
    expect(await push(sale)).toEqual({ conflicts: [], rejected: [] });
    return sale;
  };

  it('makes a refund pushed while another one of the same line commits wait, then refuses it', async () => {
    const sale = await storedSale();
    const first = buildRefund(sale, nextSeq++, 1000);
    const second = buildRefund(sale, nextSeq++, 1000);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let applied: () => void = () => undefined;
    const firstApplied = new Promise<void>((resolve) => (applied = resolve));

    // The first till's push has checked and written its refund but not committed yet.
    const pusher = { tenantId: 'demo', userId: 'staff-cashier' };
    const rows = [{ assumedMasterState: null, newDocumentState: first }];
    const permits = await askPermits(t.authorizer, 'demo', pushQuestions(pusher, 'sales', rows));
    const firstPush = t.db.transaction(async (tx) => {
      await lockTenantWrites(tx, 'demo');
      const context = { ...pusher, now: new Date(), permits };
      const outcome = await applyPush(tx, context, 'sales', rows);
      applied();
      await held;
      return outcome.response;
    });
    await firstApplied;

    // The second till's push must not check against the state before that commit.
    let secondDone = false;
    const secondPush = push(second).then((response) => {
      secondDone = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondDone).toBe(false);

    release();
    expect(await firstPush).toEqual({ conflicts: [], rejected: [] });
    expect((await secondPush).rejected).toEqual([
      { id: second.id, code: 'over_refund', message: expect.any(String) },
    ]);
  });

  it('accepts exactly one of several refunds of the same line pushed at the same moment', async () => {
    const sale = await storedSale();

    // Two (here five) tills each refund the whole line, each having checked offline.
    const refunds = [1, 2, 3, 4, 5].map(() => buildRefund(sale, nextSeq++, 1000));
    const responses = await Promise.all(refunds.map((refund) => push(refund)));

    const accepted = responses.filter((r) => r.rejected.length === 0);
    const refused = responses.flatMap((r) => r.rejected.map((entry) => entry.code));
    expect(accepted).toHaveLength(1);
    expect(refused).toEqual(['over_refund', 'over_refund', 'over_refund', 'over_refund']);

    const { rows } = await t.db.query<{ stored: number; quarantined: number }>(
      `select
         (select count(*) from documents
          where collection = 'sales' and data ->> 'refundOfSaleId' = $1)::int as stored,
         (select count(*) from quarantine
          where code = 'over_refund' and document_id = any($2::text[]))::int as quarantined`,
      [sale.id, refunds.map((refund) => refund.id)],
    );
    expect(rows[0]).toEqual({ stored: 1, quarantined: 4 });
  });
});
