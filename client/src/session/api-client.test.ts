import { meResponseSchema } from '@pos/shared';
import { describe, expect, it } from 'vitest';

import { sampleTillContext } from '../data/testing/sample-till-context.ts';
import { ApiClient } from './api-client.ts';
import { ApiError, NetworkError } from './api-error.ts';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('ApiClient', () => {
  it('reads the token fresh, refreshes once on 401 and retries with the new one', async () => {
    let token = 'expired';
    const seen: string[] = [];
    const client = new ApiClient(
      {
        accessToken: () => token,
        refresh: () => {
          token = 'fresh';
          return Promise.resolve(true);
        },
      },
      undefined,
      (_input, init) => {
        const auth = new Headers(init?.headers).get('Authorization') ?? '';
        seen.push(auth);
        return Promise.resolve(
          auth === 'Bearer fresh'
            ? json(200, sampleTillContext.session.me)
            : json(401, { kind: 'unauthenticated', message: 'token expired' }),
        );
      },
    );

    const me = await client.json('/api/me', meResponseSchema);
    expect(me.userId).toBe(sampleTillContext.session.me.userId);
    expect(seen).toEqual(['Bearer expired', 'Bearer fresh']);
  });

  it('turns the wire error shape into an ApiError', async () => {
    const client = new ApiClient(
      { accessToken: () => 't', refresh: () => Promise.resolve(false) },
      undefined,
      () => Promise.resolve(json(403, { kind: 'forbidden', message: 'not yours', details: null })),
    );

    const error = await client.request('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, kind: 'forbidden', message: 'not yours' });
  });

  it('reports an unreachable server to the network monitor', async () => {
    const calls: string[] = [];
    const client = new ApiClient(
      { accessToken: () => null, refresh: () => Promise.resolve(false) },
      { reached: () => calls.push('reached'), unreachable: () => calls.push('unreachable') },
      () => Promise.reject(new TypeError('Failed to fetch')),
    );

    await expect(client.request('/api/me')).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toEqual(['unreachable']);
  });
});
