import { describe, expect, it } from 'vitest';

import { readConfig } from '../config.ts';
import { useDemoApp } from '../testing/demo-app.ts';
import { clientConfigOf, clientConfigRoute } from './client-config-route.ts';

describe('client config', () => {
  const demo = useDemoApp();

  it('is served without a token, in embedded mode by default', async () => {
    const response = await demo.t.app.request('/api/client-config');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mode: 'embedded' });
  });

  it('splits a Keycloak issuer into url and realm, with the till client from the config', () => {
    const config = readConfig({
      AUTH_MODE: 'oidc',
      AUTH_ISSUER: 'http://localhost:8180/realms/pos',
    });

    expect(clientConfigOf({ ...config.auth, clientId: config.authClientId })).toEqual({
      mode: 'keycloak',
      url: 'http://localhost:8180',
      realm: 'pos',
      clientId: 'pos-till',
    });
    expect(
      readConfig({ AUTH_MODE: 'oidc', AUTH_ISSUER: 'http://x/realms/pos', AUTH_CLIENT_ID: 'kiosk' })
        .authClientId,
    ).toBe('kiosk');
  });

  it('keeps a path in front of /realms and refuses an issuer that is not a realm', () => {
    expect(
      clientConfigOf({
        mode: 'oidc',
        issuer: 'https://id.example/auth/realms/shop/',
        clientId: 'pos-till',
      }),
    ).toMatchObject({ url: 'https://id.example/auth', realm: 'shop' });
    expect(() =>
      clientConfigOf({ mode: 'oidc', issuer: 'https://id.example/oauth2', clientId: 'pos-till' }),
    ).toThrow(/not a Keycloak realm URL/);
  });

  it('names the stream URLs and till origins from the environment, only when set', () => {
    const config = readConfig({
      AUTH_MODE: 'oidc',
      AUTH_ISSUER: 'http://localhost:8180/realms/pos',
      STREAM_URLS: ' http://localhost:8081/ ,http://localhost:8082',
      TILL_ORIGINS: 'http://localhost:8000/',
    });

    expect(config.streamUrls).toEqual(['http://localhost:8081', 'http://localhost:8082']);
    expect(config.tillOrigins).toEqual(['http://localhost:8000']);
    expect(
      clientConfigOf({
        ...config.auth,
        clientId: config.authClientId,
        streamUrls: config.streamUrls,
      }),
    ).toMatchObject({ mode: 'keycloak', streamUrls: config.streamUrls });
    expect(readConfig({}).streamUrls).toEqual([]);
    expect(clientConfigOf({ mode: 'embedded', issuer: '', clientId: 'x', streamUrls: [] })).toEqual(
      { mode: 'embedded' },
    );
    expect(() => readConfig({ STREAM_URLS: 'not a url' })).toThrow(/STREAM_URLS/);
  });

  it('answers what it was given', async () => {
    const keycloak = {
      mode: 'keycloak',
      url: 'http://localhost:8180',
      realm: 'pos',
      clientId: 'pos-till',
    } as const;
    const response = await clientConfigRoute(keycloak).request('/');

    expect(await response.json()).toEqual(keycloak);
  });
});
