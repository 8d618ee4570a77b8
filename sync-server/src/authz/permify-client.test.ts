import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ApiError } from '../http/api-error.ts';
import { createPermifyClient, PermifyRequestError } from './permify-client.ts';
import { closedPort } from './permify-test-setup.ts';

interface Reply {
  status: number;
  body?: unknown;
  /** Never answer, to run into the client's timeout. */
  hang?: boolean;
}

/** A stand-in for Permify's gateway: records each request and plays back the replies queued. */
function fakePermify() {
  const requests: { path: string; body: Record<string, unknown> }[] = [];
  const replies: Reply[] = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', body: JSON.parse(raw) as Record<string, unknown> });
      const reply = replies.shift() ?? { status: 200, body: {} };
      if (reply.hang === true) return;
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(reply.body ?? {}));
    });
  });
  return {
    requests,
    replies,
    server,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

const fake = fakePermify();
const client = () => createPermifyClient({ url: fake.url(), timeoutMs: 300 });
const unavailable = { kind: 'unavailable', message: 'permission service unreachable, retry later' };
const check = {
  entity: { type: 'store', id: 's' },
  permission: 'apply_discount',
  subject: { type: 'user', id: 'u' },
} as const;

beforeAll(async () => {
  await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  fake.server.closeAllConnections();
  await new Promise((resolve) => fake.server.close(resolve));
});

describe('the Permify client', () => {
  it('sends a check with its depth, snap token and discount, and reads the answer', async () => {
    fake.requests.length = 0;
    fake.replies.push({ status: 200, body: { can: 'CHECK_RESULT_ALLOWED' } });

    const allowed = await client().check('acme', check, { discount: 12_500 }, 'token-1');

    expect(allowed).toBe(true);
    expect(fake.requests).toEqual([
      {
        path: '/v1/tenants/acme/permissions/check',
        body: {
          metadata: { depth: 20, snap_token: 'token-1' },
          ...check,
          context: { data: { discount: 12_500 } },
        },
      },
    ]);
  });

  it('writes limits as integer values and deletes by exact filters', async () => {
    fake.requests.length = 0;
    fake.replies.push(
      { status: 200, body: { snap_token: 'w' } },
      { status: 200, body: { snap_token: 'd' } },
    );
    const store = { type: 'store', id: 's' } as const;

    const written = await client().writeData('acme', {
      tuples: [],
      attributes: [{ entity: store, attribute: 'cashier_discount_limit', value: 10_000 }],
    });
    const deleted = await client().deleteData('acme', {
      tuples: { entity: store, relation: 'cashier', subjectType: 'user', subjectIds: ['a', 'b'] },
    });

    expect([written, deleted]).toEqual(['w', 'd']);
    expect(fake.requests.map((r) => r.body)).toEqual([
      {
        metadata: {},
        tuples: [],
        attributes: [
          {
            entity: store,
            attribute: 'cashier_discount_limit',
            value: { '@type': 'type.googleapis.com/base.v1.IntegerValue', data: 10_000 },
          },
        ],
      },
      {
        tuple_filter: {
          entity: { type: 'store', ids: ['s'] },
          relation: 'cashier',
          subject: { type: 'user', ids: ['a', 'b'] },
        },
        attribute_filter: {},
      },
    ]);
  });

  it('reads every page of relationships', async () => {
    fake.requests.length = 0;
    const tuple = (id: string) => ({
      entity: { type: 'store', id },
      relation: 'org',
      subject: { type: 'organization', id: 'acme', relation: '' },
    });
    fake.replies.push(
      { status: 200, body: { tuples: [tuple('a')], continuous_token: 'next' } },
      { status: 200, body: { tuples: [tuple('b')], continuous_token: '' } },
      { status: 200, body: { attributes: [], continuous_token: '' } },
    );

    const data = await client().readData('acme');

    expect(data.tuples.map((t) => t.entity.id)).toEqual(['a', 'b']);
    expect(fake.requests[1]?.body).toMatchObject({ continuous_token: 'next' });
  });

  it('takes an existing tenant as created', async () => {
    fake.replies.push({ status: 400, body: { code: 3, message: 'ERROR_CODE_UNIQUE_CONSTRAINT' } });

    await expect(client().createTenant('acme')).resolves.toBeUndefined();
  });

  it('reports a tenant Permify does not know as a request error, not an outage', async () => {
    fake.replies.push({ status: 404, body: { code: 5, message: 'ERROR_CODE_SCHEMA_NOT_FOUND' } });

    const failure = await client()
      .check('nobody', check)
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PermifyRequestError);
    expect((failure as PermifyRequestError).isMissingTenant).toBe(true);
  });

  it.each([
    ['a server error', { status: 500, body: { code: 13, message: 'boom' } }],
    ['an overloaded server', { status: 429, body: {} }],
    ['no answer within the timeout', { status: 200, hang: true }],
  ])('answers unavailable on %s', async (_name, reply: Reply) => {
    fake.replies.push(reply);

    const failure = await client()
      .bulkCheck('acme', [check, check], { discount: 1 })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject(unavailable);
  });

  it('answers unavailable when nothing listens', async () => {
    const port = await closedPort();
    const down = createPermifyClient({ url: `http://127.0.0.1:${port}` });

    await expect(down.writeSchema('acme', 'entity user {}')).rejects.toMatchObject(unavailable);
  });
});
