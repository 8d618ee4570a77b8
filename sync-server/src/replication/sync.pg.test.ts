import type { PullResponse, PushResponse } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import {
  bearer,
  buildSale,
  createTestApp,
  demoProducts,
  login,
  pushBody,
  type TestApp,
  SETUP_TIMEOUT_MS,
} from '../testing/test-app.ts';
import { replicationSuite } from './replication-suite.ts';
import { writeDocuments } from './write-documents.ts';

const databases: FreshPostgres[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

async function openOnPostgres(): Promise<TestApp> {
  const database = await freshPostgres();
  databases.push(database);
  return createTestApp(database.url);
}

replicationSuite('Postgres', openOnPostgres);

type Doc = Record<string, unknown> & { id: string };

function customer(id: string) {
  return {
    id,
    updatedAt: '2026-01-01T00:00:00.000Z',
    _deleted: false,
    name: id,
    email: null,
    phone: null,
    mergedInto: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('concurrency on Postgres', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await openOnPostgres();
    token = (await login(t.app, 'cashier@demo.test', 'cashier123')).access_token;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const pull = async (seq: number) => {
    const response = await t.app.request(`/api/sync/customers/pull?seq=${seq}`, {
      headers: bearer(token),
    });
    return (await response.json()) as PullResponse<Doc>;
  };

  it('never lets a pull see seq N+1 while N is still uncommitted (late commit)', async () => {
    const start = (await pull(0)).checkpoint?.seq ?? 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reserved: () => void = () => undefined;
    const firstWrote = new Promise<void>((resolve) => (reserved = resolve));

    // Transaction 1 takes seq N and writes, then holds before commit.
    const first = t.db.transaction(async (tx) => {
      await writeDocuments(tx, 'demo', 'customers', [customer('cust-late')]);
      reserved();
      await held;
    });
    await firstWrote;

    // Meanwhile a second write arrives through the API and would take N+1.
    let secondDone = false;
    const second = Promise.resolve(
      t.app.request('/api/sync/customers/push', {
        method: 'POST',
        headers: bearer(token),
        body: pushBody([{ assumedMasterState: null, newDocumentState: customer('cust-early') }]),
      }),
    ).then(async (response) => {
      secondDone = true;
      return (await response.json()) as PushResponse;
    });

    const seenWhileHeld: string[][] = [];
    for (let i = 0; i < 10; i += 1) {
      seenWhileHeld.push((await pull(start)).documents.map((d) => d.id));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(secondDone).toBe(false);
    expect(seenWhileHeld.flat()).toEqual([]);

    release();
    await first;
    expect(await second).toEqual({ conflicts: [], rejected: [] });

    const after = await pull(start);
    expect(after.documents.map((d) => d.id)).toEqual(['cust-late', 'cust-early']);
    const { rows } = await t.db.query<{ seq: number }>(
      `select seq from documents where id in ('cust-late', 'cust-early') order by seq`,
      [],
    );
    const [late, early] = rows.map((row) => row.seq);
    expect(early).toBe((late ?? 0) + 1);
    expect(after.checkpoint).toEqual({ seq: early });
  });

  it('pulls running alongside many concurrent writes never skip a sequence', async () => {
    const start = (await pull(0)).checkpoint?.seq ?? 0;
    const writes = Array.from({ length: 30 }, (_, i) =>
      t.db.transaction(async (tx) => {
        await writeDocuments(tx, 'demo', 'customers', [customer(`cust-burst-${i}`)]);
        await tx.query('select pg_sleep($1)', [Math.random() * 0.02]);
      }),
    );

    // A till pulling continuously, always from its last checkpoint, must end with all 30.
    const seen: string[] = [];
    let checkpoint = start;
    let writing = true;
    const done = Promise.all(writes).then(() => (writing = false));
    while (writing || seen.length < 30) {
      // Only a pull that began after the last commit may end the loop: one that began before
      // can rightly come back empty while that commit lands.
      const allCommitted = !writing;
      const page = await pull(checkpoint);
      seen.push(...page.documents.map((d) => d.id));
      checkpoint = page.checkpoint?.seq ?? checkpoint;
      if (allCommitted && page.documents.length === 0) break;
    }
    await done;

    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it('stores a sale once when two pushes of it race', async () => {
    const product = demoProducts()[0];
    if (product === undefined) throw new Error('no demo product');
    const sale = buildSale(900, [{ product, quantity: 1000 }]);
    const push = () =>
      t.app.request('/api/sync/sales/push', {
        method: 'POST',
        headers: bearer(token),
        body: pushBody([{ assumedMasterState: null, newDocumentState: sale }]),
      });

    const responses = await Promise.all([push(), push(), push()]);

    // One push writes it; the others find it stored and hand the master back to the till.
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as PushResponse[];
    expect(bodies.map((body) => body.rejected)).toEqual([[], [], []]);
    expect(bodies.map((body) => body.conflicts.length).sort()).toEqual([0, 1, 1]);
    const { rows } = await t.db.query<{ n: number }>(
      `select (select count(*) from documents where collection = 'sales' and id = $1)::int
            + (select count(*) from sale_receipts where sale_id = $1)::int as n`,
      [sale.id],
    );
    expect(rows[0]?.n).toBe(2);
  });
});
