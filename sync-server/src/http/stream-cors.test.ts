import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApp } from '../app.ts';
import { silentLogger } from '../observability/logger.ts';
import {
  createTestApp,
  login,
  SETUP_TIMEOUT_MS,
  TEST_BODY_LIMIT,
  type TestApp,
} from '../testing/test-app.ts';
import type { AppEnv } from './app-env.ts';

const TILL = 'http://localhost:8000';

describe('CORS for the event stream', () => {
  let t: TestApp;
  let app: Hono<AppEnv>;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    app = createApp({
      db: t.db,
      auth: t.auth,
      bus: t.bus,
      authorizer: t.authorizer,
      logger: silentLogger,
      bodyLimitBytes: TEST_BODY_LIMIT,
      tillOrigins: [TILL],
    });
    token = (await login(app, 'cashier@demo.test', 'cashier123')).access_token;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  it('answers the preflight of a listed till origin, Authorization allowed', async () => {
    const response = await app.request('/api/sync/stream', {
      method: 'OPTIONS',
      headers: {
        Origin: TILL,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(TILL);
    expect(response.headers.get('Access-Control-Allow-Headers')).toContain('Authorization');
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET');
  });

  it('gives another origin nothing a browser would accept', async () => {
    const response = await app.request('/api/sync/stream', {
      method: 'OPTIONS',
      headers: { Origin: 'http://elsewhere.test', 'Access-Control-Request-Method': 'GET' },
    });

    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('marks the stream and its 401 for the till origin, with Date readable', async () => {
    const refused = await app.request('/api/sync/stream', { headers: { Origin: TILL } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe(TILL);

    const stop = new AbortController();
    const stream = await app.request('/api/sync/stream', {
      headers: { Origin: TILL, Authorization: `Bearer ${token}` },
      signal: stop.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('Access-Control-Allow-Origin')).toBe(TILL);
    expect(stream.headers.get('Access-Control-Expose-Headers')).toBe('Date');
    stop.abort();
    await stream.body?.cancel();
  });

  it('leaves every other route without CORS', async () => {
    const response = await app.request('/api/client-config', { headers: { Origin: TILL } });

    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('allows no origin unless told to', async () => {
    const response = await t.app.request('/api/sync/stream', {
      method: 'OPTIONS',
      headers: { Origin: TILL, 'Access-Control-Request-Method': 'GET' },
    });

    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
