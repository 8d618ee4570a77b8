import type { Device, MeResponse } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  bearer,
  createTestApp,
  login,
  type TestApp,
  SETUP_TIMEOUT_MS,
} from '../testing/test-app.ts';

describe('devices and identity', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = (await login(t.app, 'cashier@demo.test', 'cashier123')).access_token;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const claim = async (installationId: string, storeId = 'store-main') => {
    const response = await t.app.request('/api/devices/claim', {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ installationId, storeId }),
    });
    return { status: response.status, body: (await response.json()) as Device };
  };

  it('answers /api/me from the token and the staff document', async () => {
    const response = await t.app.request('/api/me', { headers: bearer(token) });
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
    const pulled = await t.app.request('/api/sync/devices/pull', { headers: bearer(token) });
    const codes = ((await pulled.json()) as { documents: Device[] }).documents.map((d) => d.code);

    expect([second.body.code, third.body.code]).toEqual(['T2', 'T3']);
    expect(codes.sort()).toEqual(['T1', 'T2', 'T3']);
  });

  it('404 for a store the tenant does not have, 422 for a bad request', async () => {
    expect((await claim('install-dddd-0004', 'store-nowhere')).status).toBe(404);
    expect((await claim('short')).status).toBe(422);
  });

  it('answers health', async () => {
    expect((await t.app.request('/health/live')).status).toBe(200);
    expect(await (await t.app.request('/health/ready')).json()).toEqual({ status: 'ok' });
  });
});
