import {
  PUSH_BATCH_MAX,
  wireErrorSchema,
  type PullResponse,
  type PushResponse,
  type Sale,
} from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  bearer,
  buildSale,
  demoProducts,
  login,
  pushBody,
  SETUP_TIMEOUT_MS,
  TEST_BODY_LIMIT,
  type TestApp,
} from '../testing/test-app.ts';
import { MAX_JSON_DEPTH } from './json-depth.ts';

type Doc = Record<string, unknown> & { id: string };

interface RefusedRequest {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
  status: number;
  kind: string;
}

const rowsOf = (documents: unknown[]) =>
  pushBody(documents.map((document) => ({ assumedMasterState: null, newDocumentState: document })));

/**
 * Bad input of every kind, against PGlite (bad-input.test.ts) and Postgres (bad-input.pg.test.ts):
 * a request the server cannot read is refused whole with a 4xx in the one wire error shape; a
 * bad document inside a readable push is quarantined with its reason while the rest applies. In
 * both cases nothing partial is written, which the row counts before and after show.
 */
export function badInputSuite(label: string, open: () => Promise<TestApp>): void {
  describe(`bad input on ${label}`, () => {
    let t: TestApp;
    let cashier: string;
    let manager: string;
    let nextSeq = 1;
    const product = demoProducts()[2];
    if (product === undefined) throw new Error('no demo product');

    beforeAll(async () => {
      t = await open();
      cashier = (await login(t.app, 'cashier@demo.test', 'cashier123')).access_token;
      manager = (await login(t.app, 'manager@demo.test', 'manager123')).access_token;
    }, SETUP_TIMEOUT_MS);
    afterAll(async () => {
      await t.close();
    });

    const newSale = () => buildSale(nextSeq++, [{ product, quantity: 1000 }]);
    const withLine = (sale: Sale, change: Record<string, unknown>): Sale =>
      ({ ...sale, lines: sale.lines.map((line) => ({ ...line, ...change })) }) as Sale;

    /** Everything a push can write, so "nothing partial" can be checked in one comparison. */
    const footprint = async () => {
      const { rows } = await t.db.query<Record<string, number>>(
        `select (select count(*)::int from documents) as documents,
                (select count(*)::int from quarantine) as quarantine,
                (select count(*)::int from sale_receipts) as receipts,
                (select count(*)::int from receipt_outbox) as outbox,
                (select coalesce(sum(last_seq), 0)::int from tenant_change_seq) as seq`,
      );
      return rows[0];
    };
    const request = (path: string, method: 'GET' | 'POST', body?: string, token = cashier) =>
      t.app.request(path, {
        method,
        headers: bearer(token),
        ...(body === undefined ? {} : { body }),
      });
    const push = async (documents: unknown[]) => {
      const response = await request('/api/sync/sales/push', 'POST', rowsOf(documents));
      return { status: response.status, body: (await response.json()) as PushResponse<Doc> };
    };
    const stored = async (ids: string[]) =>
      (
        await t.db.query<{ id: string }>(
          `select id from documents where collection = 'sales' and id = any($1::text[])`,
          [ids],
        )
      ).rows
        .map((row) => row.id)
        .sort();
    const quarantined = async (id: string) =>
      (
        await t.db.query<{ code: string; message: string }>(
          'select code, message from quarantine where document_id = $1',
          [id],
        )
      ).rows;
    const receiptRows = async (saleId: string) =>
      (
        await t.db.query<{ n: number }>(
          'select count(*)::int as n from sale_receipts where sale_id = $1',
          [saleId],
        )
      ).rows[0]?.n;

    describe('requests the server cannot read are refused whole', () => {
      const valid = () => rowsOf([newSale()]);
      const cases: (() => RefusedRequest)[] = [
        () => ({
          name: 'malformed JSON',
          path: '/api/sync/sales/push',
          body: '{"rows": [',
          status: 400,
          kind: 'bad_request',
        }),
        () => ({
          name: 'an empty body',
          path: '/api/sync/sales/push',
          body: '',
          status: 400,
          kind: 'bad_request',
        }),
        () => ({
          name: 'JSON null',
          path: '/api/sync/sales/push',
          body: 'null',
          status: 422,
          kind: 'validation_failed',
        }),
        () => ({
          name: 'a bare array',
          path: '/api/sync/sales/push',
          body: rowsOf([newSale()])
            .replace(/^\{"rows":/, '')
            .slice(0, -1),
          status: 422,
          kind: 'validation_failed',
        }),
        () => ({
          name: 'rows that are not a list',
          path: '/api/sync/sales/push',
          body: '{"rows":{"0":{}}}',
          status: 422,
          kind: 'validation_failed',
        }),
        () => ({
          name: 'a document that is text',
          path: '/api/sync/sales/push',
          body: '{"rows":[{"assumedMasterState":null,"newDocumentState":"sale"}]}',
          status: 422,
          kind: 'validation_failed',
        }),
        () => ({
          name: 'an unknown top-level field',
          path: '/api/sync/sales/push',
          body: `${valid().slice(0, -1)},"tenantId":"harbour"}`,
          status: 422,
          kind: 'validation_failed',
        }),
        () => ({
          name: 'more rows than a batch takes',
          path: '/api/sync/sales/push',
          body: rowsOf(Array.from({ length: PUSH_BATCH_MAX + 1 }, () => ({ id: 'x' }))),
          status: 422,
          kind: 'validation_failed',
        }),
        () => ({
          name: 'a push to an unknown collection',
          path: '/api/sync/ledgers/push',
          body: valid(),
          status: 404,
          kind: 'not_found',
        }),
        () => ({
          name: 'a pull of an unknown collection',
          path: '/api/sync/..%2Fdocuments/pull',
          method: 'GET',
          status: 404,
          kind: 'not_found',
        }),
        () => ({
          name: 'a body over the size limit (a 1 MB name)',
          path: '/api/sync/sales/push',
          body: rowsOf([withLine(newSale(), { name: 'é'.repeat(512 * 1024) })]),
          status: 413,
          kind: 'payload_too_large',
        }),
        () => ({
          name: 'JSON nested absurdly deep',
          path: '/api/sync/sales/push',
          body: `{"rows":[{"assumedMasterState":null,"newDocumentState":{"id":"deep","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}}]}`,
          status: 400,
          kind: 'bad_request',
        }),
        () => ({
          name: 'a device claim that is not JSON',
          path: '/api/devices/claim',
          body: 'installationId=1',
          status: 400,
          kind: 'bad_request',
        }),
        () => ({
          name: 'a device claim of the wrong shape',
          path: '/api/devices/claim',
          body: '{"installationId":42}',
          status: 422,
          kind: 'validation_failed',
        }),
        () => ({
          name: 'a customer search of 101 characters',
          path: `/api/customers?query=${'a'.repeat(101)}`,
          method: 'GET',
          status: 422,
          kind: 'validation_failed',
        }),
      ];

      it.each(cases.map((make) => [make().name, make] as const))('%s', async (_name, make) => {
        const refused = make();
        const before = await footprint();

        const response = await request(refused.path, refused.method ?? 'POST', refused.body);

        expect(response.status).toBe(refused.status);
        const body: unknown = await response.json();
        expect(wireErrorSchema.parse(body).kind).toBe(refused.kind);
        expect(await footprint()).toEqual(before);
      });

      it('keeps the size cases honest: the 1 MB body is over the limit, the deep one under', () => {
        expect(
          rowsOf([withLine(newSale(), { name: 'é'.repeat(512 * 1024) })]).length,
        ).toBeGreaterThan(TEST_BODY_LIMIT);
        expect(40_100).toBeLessThan(TEST_BODY_LIMIT);
        expect(20_000).toBeGreaterThan(MAX_JSON_DEPTH);
      });
    });

    describe('bad documents inside a push are quarantined with their reason', () => {
      const invalid: [string, () => unknown][] = [
        ['a negative quantity', () => withLine(newSale(), { quantity: -1000 })],
        ['a zero quantity', () => withLine(newSale(), { quantity: 0 })],
        ['a fractional quantity', () => withLine(newSale(), { quantity: 1.5 })],
        ['an absurd quantity', () => withLine(newSale(), { quantity: 1e12 })],
        ['a negative price', () => withLine(newSale(), { unitPrice: -500 })],
        ['an absurd price', () => withLine(newSale(), { unitPrice: 1e15 })],
        ['a price as text', () => withLine(newSale(), { unitPrice: '4.99' })],
        [
          'a total beyond any money',
          () => ({ ...newSale(), totals: { ...newSale().totals, total: 1e20 } }),
        ],
        ['a tenant id of another tenant', () => ({ ...newSale(), tenantId: 'harbour' })],
        ['a line name over 200 characters', () => withLine(newSale(), { name: 'x'.repeat(201) })],
        ['a 60 kB cashier name', () => ({ ...newSale(), cashierName: '\u200F'.repeat(20_000) })],
        ['no lines at all', () => ({ ...newSale(), lines: [] })],
        ['a created time that is no time', () => ({ ...newSale(), createdAt: 'yesterday' })],
      ];

      it.each(invalid)('%s: invalid_document, the rest applied', async (_name, make) => {
        const good = newSale();
        const bad = make() as Sale;
        const before = await footprint();

        const pushed = await push([good, bad]);

        expect(pushed.status).toBe(200);
        expect(pushed.body.rejected).toEqual([
          { id: bad.id, code: 'invalid_document', message: expect.any(String) },
        ]);
        expect(await stored([good.id, bad.id])).toEqual([good.id]);
        expect((await quarantined(bad.id)).map((entry) => entry.code)).toEqual([
          'invalid_document',
        ]);
        expect(await receiptRows(bad.id)).toBe(0);
        // The good sale: one document, one receipt, two sequences (it and its stock movement).
        const after = await footprint();
        expect(after).toEqual({
          ...before,
          documents: (before?.['documents'] ?? 0) + 2,
          quarantine: (before?.['quarantine'] ?? 0) + 1,
          receipts: (before?.['receipts'] ?? 0) + 1,
          seq: (before?.['seq'] ?? 0) + 2,
        });
      });

      it('quarantines lines in range whose total is not, moving no stock (regression: totals past 2^53 were stored flagged)', async () => {
        const huge = withLine(newSale(), { quantity: 100_000_000, unitPrice: 10_000_000_000 });
        const before = await footprint();

        const pushed = await push([huge]);

        expect(pushed.body.rejected).toEqual([
          { id: huge.id, code: 'totals_out_of_range', message: expect.any(String) },
        ]);
        expect(await stored([huge.id])).toEqual([]);
        // Its receipt number stays taken, as for every quarantined sale: the customer holds it.
        expect(await footprint()).toEqual({
          ...before,
          quarantine: (before?.['quarantine'] ?? 0) + 1,
          receipts: (before?.['receipts'] ?? 0) + 1,
        });
      });

      it('refuses a store and device of another tenant, writing no receipt for them', async () => {
        const foreign = { ...newSale(), storeId: 'store-harbour', deviceId: 'device-h1' };

        const pushed = await push([foreign]);

        expect(pushed.body.rejected.map((entry) => entry.code)).toEqual(['unknown_store']);
        expect(await receiptRows(foreign.id)).toBe(0);
        expect(await stored([foreign.id])).toEqual([]);
      });

      it('stores totals that disagree with the lines, flagged, with the server’s own totals', async () => {
        const sale = newSale();
        const wrong = { ...sale, totals: { ...sale.totals, total: sale.totals.total + 1 } };

        expect((await push([wrong])).body.rejected).toEqual([]);

        const response = await request(`/api/sales/${sale.id}`, 'GET', undefined, manager);
        const body = (await response.json()) as Sale;
        expect(body.server).toMatchObject({
          status: 'flagged',
          issues: [{ code: 'totals_mismatch', message: expect.any(String) }],
          totals: sale.totals,
        });
      });

      it('keeps odd but valid Unicode exactly as the till sent it', async () => {
        const names = [
          '\u200Fשלום\u200E milk', // right-to-left and left-to-right marks
          'Cafe\u0301 cre\u0300me', // combining accents, not precomposed
          '🧾 👩🏽‍🍳 🇨🇦', // emoji, skin tone and ZWJ sequences, flags
          'Z̸̢͎a̵͈l̶g̷o', // stacked combining marks
          '\uFEFFbom\u2028line\u2029para', // BOM and Unicode line separators
        ];
        const sales = names.map((name) => withLine(newSale(), { name }));

        const pushed = await push(sales);
        const pulled = await request('/api/sync/sales/pull?seq=0&limit=1000', 'GET');
        const documents = ((await pulled.json()) as PullResponse<Sale & Doc>).documents;

        expect(pushed.body.rejected).toEqual([]);
        const byId = new Map(documents.map((sale) => [sale.id, sale]));
        expect(sales.map((sale) => byId.get(sale.id)?.lines[0]?.name)).toEqual(names);
      });
    });

    it('stores nineteen of twenty, quarantines the bad sale for managers and never blocks the queue', async () => {
      const sales = Array.from({ length: 20 }, () => newSale());
      const bad = withLine(sales[11] as Sale, { quantity: -3000 });
      const batch = sales.map((sale, index) => (index === 11 ? bad : sale));

      const first = await push(batch);

      expect(first.status).toBe(200);
      expect(first.body.rejected).toEqual([
        { id: bad.id, code: 'invalid_document', message: expect.stringContaining('quantity') },
      ]);
      const goodIds = sales.filter((sale) => sale.id !== bad.id).map((sale) => sale.id);
      expect(await stored([...goodIds, bad.id])).toEqual([...goodIds].sort());

      // What a manager sees: the sale, why, and who pushed it.
      const listed = await request('/api/quarantine?limit=500', 'GET', undefined, manager);
      const { entries } = (await listed.json()) as {
        entries: { documentId: string; code: string; message: string; userId: string }[];
      };
      expect(entries.filter((entry) => entry.documentId === bad.id)).toEqual([
        {
          documentId: bad.id,
          code: 'invalid_document',
          message: expect.stringContaining('quantity'),
          userId: 'staff-cashier',
          collection: 'sales',
          receivedAt: expect.any(String),
          // Refused as invalid, so kept as the till pushed the row.
          body: expect.objectContaining({
            newDocumentState: expect.objectContaining({ id: bad.id }),
          }),
        },
      ]);

      // The till retries the whole batch (its response was lost), then carries on selling:
      // neither fails, nothing is stored twice, and the next sale goes through.
      const before = await footprint();
      const retried = await push(batch);
      const next = newSale();
      const after = await push([next]);

      expect(retried.status).toBe(200);
      expect(retried.body.rejected.map((entry) => entry.id)).toEqual([bad.id]);
      expect(after).toEqual({ status: 200, body: { conflicts: [], rejected: [] } });
      expect(await stored([next.id])).toEqual([next.id]);
      const final = await footprint();
      expect(final?.['quarantine']).toBe(before?.['quarantine']);
      expect(final?.['receipts']).toBe((before?.['receipts'] ?? 0) + 1);
    });
  });
}
