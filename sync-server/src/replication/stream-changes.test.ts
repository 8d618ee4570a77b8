import { streamEventSchema } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { useDemoApp } from '../testing/demo-app.ts';
import { bearer, pushBody } from '../testing/test-app.ts';

async function readEvent(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<unknown> {
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended');
    text += decoder.decode(value);
  }
  const data = text.split('\n').find((line) => line.startsWith('data: '));
  return JSON.parse(data?.slice('data: '.length) ?? 'null');
}

describe('GET /api/sync/stream', () => {
  const demo = useDemoApp();

  it('says RESYNC on connect, then streams committed writes of the tenant', async () => {
    const response = await demo.t.app.request('/api/sync/stream', {
      headers: bearer(demo.cashierToken),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();

    expect(await readEvent(reader)).toBe('RESYNC');

    const customer = {
      id: 'cust-streamed',
      updatedAt: '2026-01-01T00:00:00.000Z',
      _deleted: false,
      name: 'Streamed',
      email: null,
      phone: null,
      mergedInto: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    await demo.t.app.request('/api/sync/customers/push', {
      method: 'POST',
      headers: bearer(demo.cashierToken),
      body: pushBody([{ assumedMasterState: null, newDocumentState: customer }]),
    });

    const event = streamEventSchema.parse(await readEvent(reader));
    expect(event).toEqual({
      collection: 'customers',
      documents: [customer],
      checkpoint: { seq: expect.any(Number) },
    });
    await reader.cancel();
  });

  it('does not stream other tenants’ writes', async () => {
    const embedded = demo.t.auth.embedded;
    if (embedded === undefined) throw new Error('tests run in embedded mode');
    const outsider = await embedded.issueFor({
      userId: 'someone',
      tenantId: 'other-tenant',
      roles: ['cashier'],
      name: 'Someone',
      email: 'someone@other.test',
    });
    const response = await demo.t.app.request('/api/sync/stream', {
      headers: bearer(outsider.access_token),
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(await readEvent(reader)).toBe('RESYNC');

    await demo.t.app.request('/api/sync/customers/push', {
      method: 'POST',
      headers: bearer(demo.cashierToken),
      body: pushBody([
        {
          assumedMasterState: null,
          newDocumentState: {
            id: 'cust-private',
            updatedAt: '2026-01-01T00:00:00.000Z',
            _deleted: false,
            name: 'Private',
            email: null,
            phone: null,
            mergedInto: null,
            createdAt: '2026-01-01T00:00:00.000Z',
          },
        },
      ]),
    });
    const quiet = new Promise((resolve) => setTimeout(() => resolve('nothing'), 300));

    expect(await Promise.race([readEvent(reader), quiet])).toBe('nothing');
    await reader.cancel();
  });

  it('needs a token like every other API route', async () => {
    expect((await demo.t.app.request('/api/sync/stream')).status).toBe(401);
  });
});
