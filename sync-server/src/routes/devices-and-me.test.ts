import type { Device, MeResponse } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { useDemoApp } from '../testing/demo-app.ts';
import { bearer } from '../testing/test-app.ts';

describe('devices and identity', () => {
  const demo = useDemoApp();

  const claim = async (installationId: string, storeId = 'store-main') => {
    const response = await demo.t.app.request('/api/devices/claim', {
      method: 'POST',
      headers: bearer(demo.cashierToken),
      body: JSON.stringify({ installationId, storeId }),
    });
    return { status: response.status, body: (await response.json()) as Device };
  };

  it('answers /api/me from the token and the staff document', async () => {
    const response = await demo.t.app.request('/api/me', { headers: bearer(demo.cashierToken) });
    const me: MeResponse = {
      userId: 'staff-cashier',
      tenantId: 'demo',
      tenantName: 'Demo Bakery & Grocery',
      displayName: 'Casey Cashier',
      email: 'cashier@demo.test',
      roles: ['cashier'],
      storeIds: ['store-main'],
    };
    expect(await response.json()).toEqual(me);
  });

  it('gives the first installation the seeded till, the same one again on a repeat claim', async () => {
    const first = await claim('install-aaaa-0001');
    const again = await claim('install-aaaa-0001');

    expect(first.body).toMatchObject({ id: 'device-t1', code: 'T1' });
    expect(again.body).toEqual(first.body);
  });

  it('gives later installations new tills T2, T3 that tills can pull', async () => {
    const second = await claim('install-bbbb-0002');
    const third = await claim('install-cccc-0003');
    const pulled = await demo.t.app.request('/api/sync/devices/pull', {
      headers: bearer(demo.cashierToken),
    });
    const codes = ((await pulled.json()) as { documents: Device[] }).documents.map((d) => d.code);

    expect([second.body.code, third.body.code]).toEqual(['T2', 'T3']);
    expect(codes.sort()).toEqual(['T1', 'T2', 'T3']);
  });

  it('404 for a store the tenant does not have, 422 for a bad request', async () => {
    expect((await claim('install-dddd-0004', 'store-nowhere')).status).toBe(404);
    expect((await claim('short')).status).toBe(422);
  });

  it('answers health', async () => {
    expect((await demo.t.app.request('/health/live')).status).toBe(200);
    expect(await (await demo.t.app.request('/health/ready')).json()).toEqual({ status: 'ok' });
  });
});
