import { wireErrorSchema } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { createApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { tenantScoped } from '../db/tenant-scope.ts';
import { silentLogger } from '../observability/logger.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { bearer, TEST_BODY_LIMIT } from '../testing/test-app.ts';

describe('every failure answers the wire error shape', () => {
  const demo = useDemoApp();

  const expectWireError = async (response: Response, status: number, kind: string) => {
    expect(response.status).toBe(status);
    const body: unknown = await response.json();
    expect(wireErrorSchema.parse(body).kind).toBe(kind);
    return body as { details?: unknown };
  };

  it('413 for a body over the limit', async () => {
    const response = await demo.t.app.request('/api/sync/customers/push', {
      method: 'POST',
      headers: bearer(demo.cashierToken),
      body: JSON.stringify({ rows: [{ pad: 'x'.repeat(TEST_BODY_LIMIT) }] }),
    });
    await expectWireError(response, 413, 'payload_too_large');
  });

  it('413 also when the body is streamed without a length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await demo.t.app.request('/api/sync/customers/push', {
      method: 'POST',
      headers: { ...bearer(demo.cashierToken), 'transfer-encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectWireError(response, 413, 'payload_too_large');
  });

  it('400 for malformed JSON', async () => {
    const response = await demo.t.app.request('/api/sync/customers/push', {
      method: 'POST',
      headers: bearer(demo.cashierToken),
      body: '{"rows": [',
    });
    await expectWireError(response, 400, 'bad_request');
  });

  it('422 with the issues for JSON of the wrong shape', async () => {
    const response = await demo.t.app.request('/api/sync/customers/push', {
      method: 'POST',
      headers: bearer(demo.cashierToken),
      body: JSON.stringify({ rows: [] }),
    });
    const body = await expectWireError(response, 422, 'validation_failed');
    expect(Array.isArray(body.details)).toBe(true);
  });

  it('401 without a token, and with a garbage one', async () => {
    await expectWireError(await demo.t.app.request('/api/me'), 401, 'unauthenticated');
    await expectWireError(
      await demo.t.app.request('/api/me', { headers: { authorization: 'Bearer nope' } }),
      401,
      'unauthenticated',
    );
  });

  it('403 for a cashier on manager routes', async () => {
    await expectWireError(
      await demo.t.app.request('/api/sales', { headers: bearer(demo.cashierToken) }),
      403,
      'forbidden',
    );
  });

  it('404 for unknown routes', async () => {
    await expectWireError(await demo.t.app.request('/nowhere'), 404, 'not_found');
    await expectWireError(
      await demo.t.app.request('/api/nowhere', { headers: bearer(demo.cashierToken) }),
      404,
      'not_found',
    );
  });

  it('500 without internals for an unexpected error, 503 when the database is away', async () => {
    const broken: Database = {
      kind: 'pglite',
      query: () => Promise.reject(new Error('secret connection string')),
      transaction: () => Promise.reject(new Error('secret connection string')),
      forTenant: (tenantId) => tenantScoped(broken, tenantId),
      close: () => Promise.resolve(),
    };
    const app = createApp({
      db: broken,
      auth: demo.t.auth,
      bus: demo.t.bus,
      logger: silentLogger,
      bodyLimitBytes: TEST_BODY_LIMIT,
    });

    const body = await expectWireError(
      await app.request('/api/me', { headers: bearer(demo.cashierToken) }),
      500,
      'internal',
    );
    expect(JSON.stringify(body)).not.toContain('secret');
    await expectWireError(await app.request('/health/ready'), 503, 'unavailable');
  });

  it('carries a request id, echoing a sane incoming one', async () => {
    const response = await demo.t.app.request('/health/live', {
      headers: { 'x-request-id': 'gateway-1234abcd' },
    });
    const failing = await demo.t.app.request('/api/me');

    expect(response.headers.get('x-request-id')).toBe('gateway-1234abcd');
    expect(failing.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
