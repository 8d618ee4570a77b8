import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { staticTill } from './static-till.ts';

describe('the built till', () => {
  let dist: string;
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'till-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Till</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'assets', 'index-a1b2c3.js'), 'console.log(1)');
  });
  afterAll(() => {
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html and the service worker for revalidation, hashed assets forever', async () => {
    const app = staticTill(dist);

    const index = await app.request('/');
    const sw = await app.request('/sw.js');
    const asset = await app.request('/assets/index-a1b2c3.js');

    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>Till</title>');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers index.html for the till’s own routes, but not for API paths', async () => {
    const app = staticTill(dist);

    const deepLink = await app.request('/sale/123');
    const api = await app.request('/api/nothing');

    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('cache-control')).toBe('no-cache');
    expect(await deepLink.text()).toContain('<title>Till</title>');
    expect(api.status).toBe(404);
  });

  it('says how to build the till when there is none', async () => {
    const response = await staticTill(join(dist, 'missing')).request('/');
    expect(await response.text()).toContain('npm run build');
  });
});
