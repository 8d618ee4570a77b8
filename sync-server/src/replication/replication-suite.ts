import type { PullResponse, PushResponse, Sale } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  bearer,
  buildRefund,
  buildSale,
  demoProducts,
  login,
  pushBody,
  type TestApp,
  SETUP_TIMEOUT_MS,
} from '../testing/test-app.ts';
import { writeDocuments } from './write-documents.ts';

type Doc = Record<string, unknown> & { id: string };

/**
 * The replication contract, run against PGlite (sync.test.ts) and real Postgres
 * (sync.pg.test.ts) so both databases are held to the same behaviour.
 */
export function replicationSuite(label: string, open: () => Promise<TestApp>): void {
  describe(`replication on ${label}`, () => {
    let t: TestApp;
    let cashier: string;
    let manager: string;
    let nextSeq = 1;
    const products = demoProducts();
    const product = (index: number) => {
      const found = products[index];
      if (found === undefined) throw new Error('no such demo product');
      return found;
    };

    beforeAll(async () => {
      t = await open();
      cashier = (await login(t.app, 'cashier@demo.test', 'cashier123')).access_token;
      manager = (await login(t.app, 'manager@demo.test', 'manager123')).access_token;
    }, SETUP_TIMEOUT_MS);
    afterAll(async () => {
      await t.close();
    });

    const push = async (
      collection: string,
      rows: Parameters<typeof pushBody>[0],
      token = cashier,
    ) => {
      const response = await t.app.request(`/api/sync/${collection}/push`, {
        method: 'POST',
        headers: bearer(token),
        body: pushBody(rows),
      });
      return { status: response.status, body: (await response.json()) as PushResponse<Doc> };
    };
    const pull = async (collection: string, query: string, token = cashier) => {
      const response = await t.app.request(`/api/sync/${collection}/pull?${query}`, {
        headers: bearer(token),
      });
      return { status: response.status, body: (await response.json()) as PullResponse<Doc> };
    };
    const count = async (sql: string, params: unknown[]) =>
      (await t.db.query<{ n: number }>(sql, params)).rows[0]?.n;
    const newSale = (quantity = 2000) => buildSale(nextSeq++, [{ product: product(0), quantity }]);

    it('pulls the seeded catalogue in pages, then from the last checkpoint', async () => {
      const first = await pull('products', 'limit=15');
      const rest = await pull('products', `seq=${first.body.checkpoint?.seq}&limit=15`);
      const after = await pull('products', `seq=${rest.body.checkpoint?.seq}`);

      expect(first.body.documents).toHaveLength(15);
      expect(rest.body.documents).toHaveLength(12); // 20 generated and 7 PLU items
      expect(after.body).toEqual({ documents: [], checkpoint: rest.body.checkpoint });
    });

    it('restarts from the beginning on a checkpoint it cannot read', async () => {
      const junk = await pull('tax_rates', 'seq=banana');
      expect(junk.body.documents.map((d) => d.id).sort()).toEqual(['tax-gst', 'tax-pst']);
    });

    it('starts a till over whose checkpoint is past every sequence (a restored database)', async () => {
      const ahead = await pull('tax_rates', 'seq=999999999');
      expect(ahead.body.documents.map((d) => d.id).sort()).toEqual(['tax-gst', 'tax-pst']);
    });

    it('answers null as checkpoint when there is nothing at all', async () => {
      expect((await pull('cash_movements', '')).body).toEqual({ documents: [], checkpoint: null });
    });

    it('answers 404 for a collection that does not exist', async () => {
      const response = await pull('passwords', '');
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ kind: 'not_found' });
    });

    it('round-trips a pushed document through pull', async () => {
      const before = (await pull('customers', '')).body.checkpoint;
      const customer = {
        id: 'cust-roundtrip',
        updatedAt: new Date().toISOString(),
        _deleted: false,
        name: 'Ada Lovelace',
        email: null,
        phone: null,
        mergedInto: null,
        createdAt: new Date().toISOString(),
      };

      const pushed = await push('customers', [
        { assumedMasterState: null, newDocumentState: customer },
      ]);
      const pulled = await pull('customers', `seq=${before?.seq ?? 0}`);

      expect(pushed.body).toEqual({ conflicts: [], rejected: [] });
      expect(pulled.body.documents).toEqual([customer]);
    });

    it('returns the master as a conflict when the assumed state is stale', async () => {
      const base = {
        id: 'cust-conflict',
        updatedAt: '2026-01-01T00:00:00.000Z',
        _deleted: false,
        name: 'First',
        email: null,
        phone: null,
        mergedInto: null,
        createdAt: '2026-01-01T00:00:00.000Z',
      };
      await push('customers', [{ assumedMasterState: null, newDocumentState: base }]);
      const edited = { ...base, name: 'Second', updatedAt: '2026-01-02T00:00:00.000Z' };
      await push('customers', [{ assumedMasterState: base, newDocumentState: edited }]);

      const stale = await push('customers', [
        { assumedMasterState: base, newDocumentState: { ...base, name: 'Third' } },
      ]);

      expect(stale.body.conflicts).toEqual([edited]);
      expect(stale.body.rejected).toEqual([]);
    });

    it('stores each sale once when the same batch is pushed twice', async () => {
      const sales = [newSale(), newSale(), newSale()];
      const rows = sales.map((sale) => ({ assumedMasterState: null, newDocumentState: sale }));

      const first = await push('sales', rows);
      const second = await push('sales', rows);

      expect(first.body).toEqual({ conflicts: [], rejected: [] });
      // The till lacks the masters' `server` part: they come back so it learns they arrived.
      expect(second.body.conflicts.map((d) => d.id)).toEqual(sales.map((sale) => sale.id));
      expect(second.body.rejected).toEqual([]);
      const ids = sales.map((sale) => sale.id);
      expect(
        await count(
          `select count(*)::int as n from documents where collection = 'sales' and id = any($1::text[])`,
          [ids],
        ),
      ).toBe(3);
      expect(
        await count(
          'select count(*)::int as n from sale_receipts where sale_id = any($1::text[])',
          [ids],
        ),
      ).toBe(3);
    });

    it('writes nothing twice when a lost response makes the till re-push with no assumed master', async () => {
      const sale = newSale();
      await push('sales', [{ assumedMasterState: null, newDocumentState: sale }]);
      const seqBefore = await count(
        `select seq::int as n from documents where collection = 'sales' and id = $1`,
        [sale.id],
      );

      const retry = await push('sales', [{ assumedMasterState: null, newDocumentState: sale }]);

      // Guards against a till waiting forever: the master, with `server`, comes back.
      expect(retry.body.rejected).toEqual([]);
      expect(retry.body.conflicts).toEqual([{ ...sale, server: expect.any(Object) }]);
      expect(
        await count(`select seq::int as n from documents where collection = 'sales' and id = $1`, [
          sale.id,
        ]),
      ).toBe(seqBefore);
    });

    it('keeps sales immutable: a changed sale comes back as a conflict with the master', async () => {
      const sale = newSale();
      await push('sales', [{ assumedMasterState: null, newDocumentState: sale }]);

      const changed = await push('sales', [
        { assumedMasterState: sale, newDocumentState: { ...sale, cashierName: 'Someone Else' } },
      ]);

      expect(changed.body.conflicts).toHaveLength(1);
      expect(changed.body.conflicts[0]).toMatchObject({
        id: sale.id,
        cashierName: 'Casey Cashier',
      });
      expect(changed.body.conflicts[0]?.['server']).toMatchObject({ status: 'accepted' });
    });

    it('applies 19 of 20 rows when one is invalid, and quarantines that one', async () => {
      const sales = Array.from({ length: 20 }, () => newSale(1000));
      const bad = { ...sales[7], lines: [] } as unknown as Sale;
      const rows = sales.map((sale, index) => ({
        assumedMasterState: null,
        newDocumentState: index === 7 ? bad : sale,
      }));

      const result = await push('sales', rows);

      expect(result.body.conflicts).toEqual([]);
      expect(result.body.rejected).toEqual([
        { id: bad.id, code: 'invalid_document', message: expect.stringContaining('lines') },
      ]);
      const ids = sales.map((sale) => sale.id);
      expect(
        await count(
          `select count(*)::int as n from documents where collection = 'sales' and id = any($1::text[])`,
          [ids],
        ),
      ).toBe(19);
      expect(
        await count(
          `select count(*)::int as n from quarantine where document_id = $1 and code = 'invalid_document'`,
          [bad.id],
        ),
      ).toBe(1);
    });

    it('rejects a second sale with a receipt number already used on that device', async () => {
      const sale = newSale();
      const twin = { ...newSale(), deviceSeq: sale.deviceSeq, receiptNumber: sale.receiptNumber };

      await push('sales', [{ assumedMasterState: null, newDocumentState: sale }]);
      const result = await push('sales', [{ assumedMasterState: null, newDocumentState: twin }]);

      expect(result.body.rejected).toEqual([
        { id: twin.id, code: 'duplicate_receipt_number', message: expect.any(String) },
      ]);
      expect(
        await count('select count(*)::int as n from quarantine where document_id = $1', [twin.id]),
      ).toBe(1);
    });

    it('rejects a sale from a store or device the tenant does not have', async () => {
      const unknownStore = { ...newSale(), storeId: 'store-nowhere' };
      const unknownDevice = { ...newSale(), deviceId: 'device-nowhere' };

      const result = await push('sales', [
        { assumedMasterState: null, newDocumentState: unknownStore },
        { assumedMasterState: null, newDocumentState: unknownDevice },
      ]);

      expect(result.body.rejected.map((r) => r.code)).toEqual(['unknown_store', 'unknown_device']);
    });

    it('accepts a sale with wrong totals but flags it, keeping the recomputed totals', async () => {
      const sale = newSale();
      const tampered = { ...sale, totals: { ...sale.totals, total: sale.totals.total - 100 } };

      await push('sales', [{ assumedMasterState: null, newDocumentState: tampered }]);
      const stored = await t.app.request(`/api/sales/${sale.id}`, { headers: bearer(manager) });
      const body = (await stored.json()) as Sale;

      expect(body.totals.total).toBe(sale.totals.total - 100);
      expect(body.server).toMatchObject({
        status: 'flagged',
        issues: [{ code: 'totals_mismatch', message: expect.any(String) }],
        totals: sale.totals,
      });
      expect(body.server?.businessDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('moves stock on hand by the sold quantities, from the ledger', async () => {
      const onHand = async () => {
        const response = await t.app.request('/api/stock/on-hand?storeId=store-main', {
          headers: bearer(manager),
        });
        return (await response.json()) as Record<string, number>;
      };
      const before = await onHand();

      const sale = buildSale(nextSeq++, [
        { product: product(3), quantity: 3000 },
        { product: product(4), quantity: 1250 },
      ]);
      await push('sales', [{ assumedMasterState: null, newDocumentState: sale }]);
      await push('sales', [{ assumedMasterState: null, newDocumentState: sale }]);
      const after = await onHand();

      expect(after[product(3).id]).toBe((before[product(3).id] ?? 0) - 3000);
      expect(after[product(4).id]).toBe((before[product(4).id] ?? 0) - 1250);
    });

    it('recomputes a refund from its original sale, puts the stock back, refuses an over-refund', async () => {
      const sale = buildSale(nextSeq++, [{ product: product(5), quantity: 3000 }]);
      const first = buildRefund(sale, nextSeq++, 1000);
      const second = buildRefund(sale, nextSeq++, 1000, [first]);
      const tooMuch = buildRefund(sale, nextSeq++, 2000, [first, second]);

      await push('sales', [{ assumedMasterState: null, newDocumentState: sale }]);
      await push('sales', [
        { assumedMasterState: null, newDocumentState: first },
        { assumedMasterState: null, newDocumentState: second },
      ]);
      const refused = await push('sales', [
        { assumedMasterState: null, newDocumentState: tooMuch },
      ]);
      const stored = async (id: string) =>
        (await (
          await t.app.request(`/api/sales/${id}`, { headers: bearer(manager) })
        ).json()) as Sale;

      expect((await stored(first.id)).server).toMatchObject({ status: 'accepted', issues: [] });
      expect((await stored(second.id)).server).toMatchObject({ status: 'accepted', issues: [] });
      expect(refused.body.rejected).toEqual([
        { id: tooMuch.id, code: 'over_refund', message: expect.any(String) },
      ]);
      const movements = await count(
        `select sum((data ->> 'quantity')::int)::int as n from documents
         where collection = 'stock_movements' and data ->> 'saleId' = any($1::text[])`,
        [[sale.id, first.id, second.id]],
      );
      expect(movements).toBe(-1000);
    });

    it('lets a cashier push only what tills write, a manager the catalogue, not the staff', async () => {
      const product0 = (await pull('products', 'limit=1')).body.documents[0] ?? {};
      const edited = { ...product0, price: 1 };
      const staff = {
        id: 'staff-cashier',
        updatedAt: new Date().toISOString(),
        _deleted: false,
        displayName: 'Casey Cashier',
        email: 'cashier@demo.test',
        roles: ['owner'],
        storeIds: ['store-main'],
        pinHash: null,
      };

      const byCashier = await push('products', [
        { assumedMasterState: product0, newDocumentState: edited },
      ]);
      const byManager = await push(
        'products',
        [{ assumedMasterState: product0, newDocumentState: edited }],
        manager,
      );
      const escalation = await push(
        'staff',
        [{ assumedMasterState: null, newDocumentState: staff }],
        manager,
      );

      expect(byCashier.status).toBe(403);
      expect(byCashier.body).toMatchObject({ kind: 'forbidden' });
      expect(byManager.body).toEqual({ conflicts: [], rejected: [] });
      expect(escalation.status).toBe(403);
    });

    it('keeps tenants apart: a token of one tenant never sees or touches another’s documents', async () => {
      await t.db.query(`insert into tenants (id, name) values ('other', 'Other Shop')`, []);
      const secret = {
        id: 'cust-secret',
        updatedAt: '2026-01-01T00:00:00.000Z',
        _deleted: false,
        name: 'Other Tenant Customer',
        email: null,
        phone: null,
        mergedInto: null,
        createdAt: '2026-01-01T00:00:00.000Z',
      };
      await t.db.transaction((tx) => writeDocuments(tx, 'other', 'customers', [secret]));

      const pulled = await pull('customers', '');
      const overwrite = await push('customers', [
        { assumedMasterState: null, newDocumentState: { ...secret, name: 'Hijacked' } },
      ]);
      const headerSpoof = await t.app.request('/api/sync/customers/pull', {
        headers: { ...bearer(cashier), 'x-tenant-id': 'other' },
      });

      expect(pulled.body.documents.map((d) => d.id)).not.toContain('cust-secret');
      expect(overwrite.body).toEqual({ conflicts: [], rejected: [] });
      const { rows } = await t.db.query<{ tenant_id: string; name: string }>(
        `select tenant_id, data ->> 'name' as name from documents where id = 'cust-secret' order by 1`,
        [],
      );
      expect(rows).toEqual([
        { tenant_id: 'demo', name: 'Hijacked' },
        { tenant_id: 'other', name: 'Other Tenant Customer' },
      ]);
      const spoofed = (await headerSpoof.json()) as PullResponse<Doc>;
      expect(spoofed.documents.map((d) => d.name)).not.toContain('Other Tenant Customer');
    });
  });
}
