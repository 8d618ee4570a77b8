import { describe, expect, it } from 'vitest';

import { defaultConflictHandler, type RxConflictHandlerInput } from 'rxdb';

import { SyncedMarks } from '../data/synced-marks.ts';
import { openTestDatabase } from '../data/testing/test-database.ts';
import { sampleSale, sampleShift } from '../data/testing/sample-documents.ts';
import { ApiClient } from '../session/api-client.ts';
import { MemoryStorage } from '../testing/memory-storage.ts';
import { RejectedDocuments } from './rejected-documents.ts';
import { pullHandler, pullPath, pushHandler, StuckDocumentsError } from './replication-handlers.ts';

interface Call {
  url: string;
  method: string;
  body: unknown;
  auth: string | null;
}

function fakeServer(answer: (call: Call) => { status: number; body: unknown }) {
  const calls: Call[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    const call = {
      url: String(input),
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      auth: new Headers(init?.headers).get('Authorization'),
    };
    calls.push(call);
    const { status, body } = answer(call);
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  const client = new ApiClient(
    { accessToken: () => 'token-1', refresh: () => Promise.resolve(false) },
    undefined,
    fetchImpl,
  );
  return { calls, client };
}

const { server: _server, ...localSale } = sampleSale;
const row = (id: string) => ({ newDocumentState: { ...localSale, id } });

describe('replication handlers', () => {
  it('pulls by sequence and keeps the checkpoint when the server has nothing new', async () => {
    const { calls, client } = fakeServer(() => ({
      status: 200,
      body: { documents: [], checkpoint: null },
    }));

    const result = await pullHandler(client, 'products')({ seq: 41 }, 1000);
    expect(calls[0]).toMatchObject({
      url: '/api/sync/products/pull?seq=41&limit=1000',
      method: 'GET',
      auth: 'Bearer token-1',
    });
    expect(result).toEqual({ documents: [], checkpoint: { seq: 41 } });
    expect(pullPath('sales', undefined, 200)).toBe('/api/sync/sales/pull?seq=0&limit=200');
  });

  it('pushes rows with a null assumed master, returns conflicts, remembers rejected', async () => {
    const conflict = { ...sampleSale, id: 'sale-2' };
    const { calls, client } = fakeServer(() => ({
      status: 200,
      body: {
        conflicts: [conflict],
        rejected: [{ id: 'sale-3', code: 'bad_totals', message: 'totals differ' }],
      },
    }));
    const rejected = new RejectedDocuments('demo', new MemoryStorage());

    const conflicts = await pushHandler(client, 'sales', rejected)([row('sale-2'), row('sale-3')]);

    expect(calls[0]?.url).toBe('/api/sync/sales/push');
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.body).toEqual({
      rows: [
        { assumedMasterState: null, newDocumentState: { ...localSale, id: 'sale-2' } },
        { assumedMasterState: null, newDocumentState: { ...localSale, id: 'sale-3' } },
      ],
    });
    expect(conflicts).toEqual([conflict]);
    expect(rejected.list()).toMatchObject([
      { collection: 'sales', id: 'sale-3', code: 'bad_totals' },
    ]);
  });

  it('splits a batch the server refuses as malformed, so one bad row cannot block the rest', async () => {
    const { calls, client } = fakeServer((call) => {
      const rows = (call.body as { rows: { newDocumentState: { id: string } }[] }).rows;
      const bad = rows.some((r) => r.newDocumentState.id === 'bad');
      return bad
        ? { status: 422, body: { kind: 'validation_failed', message: 'lines[0] invalid' } }
        : { status: 200, body: { conflicts: [], rejected: [] } };
    });
    const rejected = new RejectedDocuments('demo', new MemoryStorage());

    await pushHandler(client, 'sales', rejected)([row('good-1'), row('bad'), row('good-2')]);

    expect(calls).toHaveLength(4);
    expect(rejected.list()).toMatchObject([
      { id: 'bad', code: 'validation_failed', message: 'lines[0] invalid' },
    ]);
  });

  it('lets server errors and outages throw, so RxDB keeps the rows and retries', async () => {
    const { client } = fakeServer(() => ({
      status: 503,
      body: { kind: 'unavailable', message: 'down' },
    }));
    const rejected = new RejectedDocuments('demo', new MemoryStorage());

    await expect(pushHandler(client, 'sales', rejected)([row('sale-9')])).rejects.toThrow('down');
    expect(rejected.list()).toEqual([]);
  });

  it('on a 5xx sends the rows one by one, so one poison document does not block the rest', async () => {
    const stored: string[] = [];
    const { calls, client } = fakeServer((call) => {
      const rows = (call.body as { rows: { newDocumentState: { id: string } }[] }).rows;
      if (rows.some((r) => r.newDocumentState.id === 'poison')) {
        return { status: 500, body: { kind: 'internal', message: 'boom' } };
      }
      stored.push(...rows.map((r) => r.newDocumentState.id));
      return { status: 200, body: { conflicts: [], rejected: [] } };
    });
    const rejected = new RejectedDocuments('demo', new MemoryStorage());
    const push = pushHandler(client, 'sales', rejected);
    const batch = [row('good-1'), row('poison'), row('good-2')];

    const attempt = push(batch);
    await expect(attempt).rejects.toBeInstanceOf(StuckDocumentsError);
    await expect(attempt).rejects.toThrow(`receipt ${localSale.receiptNumber} is stuck`);
    expect(stored).toEqual(['good-1', 'good-2']);
    // Never dropped, never marked rejected: the server kept nothing.
    expect(rejected.list()).toEqual([]);
    expect(calls).toHaveLength(4);

    // RxDB retries the same batch: the rows already stored are not sent again.
    await expect(push(batch)).rejects.toBeInstanceOf(StuckDocumentsError);
    expect(stored).toEqual(['good-1', 'good-2']);
    expect(calls).toHaveLength(6);
  });

  it('takes the master the server returns for an identical re-push (lost response, b33)', async () => {
    const { server: _s, ...pushedSale } = { ...sampleSale, id: 'sale-lost' };
    const master = { ...sampleSale, id: 'sale-lost' };
    const shift = { ...sampleShift, id: 'shift-lost' };
    const { client } = fakeServer((call) =>
      call.url.includes('/sales/')
        ? { status: 200, body: { conflicts: [master], rejected: [] } }
        : { status: 200, body: { conflicts: [shift], rejected: [] } },
    );
    const rejected = new RejectedDocuments('demo', new MemoryStorage());

    const conflicts = await pushHandler(
      client,
      'sales',
      rejected,
    )([{ newDocumentState: pushedSale }]);
    expect(conflicts).toEqual([master]);
    expect(rejected.list()).toEqual([]);

    // Our collections keep RxDB's default conflict handler, which takes the master: the
    // stored sale gets the server's `server` field and so stops counting as waiting.
    const db = await openTestDatabase();
    try {
      expect(db.sales.conflictHandler).toBe(defaultConflictHandler);
      expect(db.shifts.conflictHandler).toBe(defaultConflictHandler);
    } finally {
      await db.close();
    }
    const input = {
      newDocumentState: pushedSale,
      realMasterState: master,
    } as unknown as RxConflictHandlerInput<Record<string, unknown>>;
    expect(defaultConflictHandler.isEqual(input.newDocumentState, input.realMasterState, '')).toBe(
      false,
    );
    expect(await defaultConflictHandler.resolve(input, '')).toEqual(master);

    // A shift has no server field: the version in the conflict is on the server, so it is synced.
    const marks = new SyncedMarks('marks', new MemoryStorage());
    await pushHandler(client, 'shifts', rejected, marks)([{ newDocumentState: shift }]);
    expect(marks.isSynced(shift)).toBe(true);
  });
});
