import { describe, expect, it } from 'vitest';

import { MemoryStorage } from '../testing/memory-storage.ts';
import { loadClientConfig, resolveClientConfig, saveClientConfig } from './client-config.ts';

const keycloak = {
  mode: 'keycloak',
  url: 'http://localhost:8180',
  realm: 'pos',
  clientId: 'pos-till',
} as const;

const answer =
  (body: unknown): typeof fetch =>
  () =>
    Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('resolveClientConfig', () => {
  it('asks the server on a first start and keeps the answer on the device', async () => {
    const storage = new MemoryStorage();
    const resolved = await resolveClientConfig(storage, answer(keycloak));

    expect(resolved).toMatchObject({ ok: true, config: keycloak });
    expect(loadClientConfig(storage)).toEqual(keycloak);
  });

  it('starts offline from the cached answer', async () => {
    const storage = new MemoryStorage();
    saveClientConfig(keycloak, storage);
    const resolved = await resolveClientConfig(storage, offline);

    expect(resolved.ok && resolved.config).toEqual(keycloak);
    expect(resolved.ok && (await resolved.changed)).toBeNull();
  });

  it('reports a changed mode for the next start without waiting for it', async () => {
    const storage = new MemoryStorage();
    saveClientConfig({ mode: 'embedded' }, storage);
    const resolved = await resolveClientConfig(storage, answer(keycloak));

    expect(resolved.ok && resolved.config).toEqual({ mode: 'embedded' });
    expect(resolved.ok && (await resolved.changed)).toEqual(keycloak);
    expect(loadClientConfig(storage)).toEqual(keycloak);
  });

  it('fails when the device never reached the server, and ignores a malformed answer', async () => {
    const storage = new MemoryStorage();
    expect(await resolveClientConfig(storage, offline)).toMatchObject({ ok: false });
    expect(await resolveClientConfig(storage, answer({ mode: 'saml' }))).toMatchObject({
      ok: false,
    });
    expect(loadClientConfig(storage)).toBeNull();
  });
});
