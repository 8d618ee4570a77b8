import { clockDriftMs, wireErrorSchema, type Sale } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { createApp } from '../app.ts';
import { silentLogger } from '../observability/logger.ts';
import { apiClient } from '../testing/api-client.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { buildSale, demoProducts, TEST_BODY_LIMIT, type TestApp } from '../testing/test-app.ts';

// 03:30 UTC is still the evening before in Toronto, where the demo store is.
const SERVER_NOW = new Date('2026-03-02T03:30:00.000Z');
const THREE_DAYS_MS = 3 * 24 * 3_600_000;

/**
 * Guards against a till whose clock is days wrong: the server keeps its own receive time, puts
 * the sale on the store's business day by the server clock, flags the drift for a manager, and
 * gives the till its own time in every answer's `Date` header to compare with.
 */
describe('a device clock three days wrong', () => {
  const product = demoProducts()[4];
  if (product === undefined) throw new Error('no demo product');
  const demo = useDemoApp();

  const appAt = (now: Date) => {
    const t = demo.t;
    const app = createApp({
      db: t.db,
      auth: t.auth,
      bus: t.bus,
      authorizer: t.authorizer,
      logger: silentLogger,
      bodyLimitBytes: TEST_BODY_LIMIT,
      now: () => now,
    });
    return { ...t, app } satisfies TestApp;
  };

  it('stores the server’s receive time and business day, and flags the drift', async () => {
    const behind = {
      ...buildSale(700, [{ product, quantity: 1000 }]),
      createdAt: new Date(SERVER_NOW.getTime() - THREE_DAYS_MS).toISOString(),
    };
    const ahead = {
      ...buildSale(701, [{ product, quantity: 1000 }]),
      createdAt: new Date(SERVER_NOW.getTime() + THREE_DAYS_MS).toISOString(),
    };
    const cashier = apiClient(appAt(SERVER_NOW), demo.cashierToken);

    const pushed = await cashier.push('sales', [behind, ahead]);

    expect(pushed.body).toEqual({ conflicts: [], rejected: [] });
    for (const [sale, hours] of [
      [behind, -72],
      [ahead, 72],
    ] as const) {
      const stored = await demo.manager.get<Sale>(`/api/sales/${sale.id}`);
      expect(stored.body.createdAt).toBe(sale.createdAt);
      expect(stored.body.server).toMatchObject({
        receivedAt: SERVER_NOW.toISOString(),
        businessDay: '2026-03-01',
        status: 'flagged',
        issues: [
          { code: 'clock_drift', message: `the device clock was ${hours} h off the server's` },
        ],
      });
    }
  });

  it('answers every response with the server time in the Date header', async () => {
    const app = appAt(SERVER_NOW).app;
    const headers = { authorization: `Bearer ${demo.cashierToken}` };

    const pull = await app.request('/api/sync/tax_rates/pull', { headers });
    const refused = await app.request('/api/sync/sales/push', {
      method: 'POST',
      headers,
      body: '{',
    });
    const anonymous = await app.request('/health/live');

    for (const response of [pull, refused, anonymous]) {
      expect(response.headers.get('date')).toBe('Mon, 02 Mar 2026 03:30:00 GMT');
    }
    expect(wireErrorSchema.parse(await refused.json()).kind).toBe('bad_request');
    // What the till does with it: its own clock against the header.
    const deviceNow = new Date(SERVER_NOW.getTime() - THREE_DAYS_MS);
    expect(clockDriftMs(deviceNow, pull.headers.get('date') ?? '')).toBe(-THREE_DAYS_MS);
  });
});
