import { describe, expect, it } from 'vitest';

import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('defaults to the embedded stack on loopback', () => {
    const config = readConfig({});

    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      logLevel: 'info',
      bodyLimitBytes: 1024 * 1024,
      auth: {
        mode: 'embedded',
        issuer: 'http://localhost:8080/auth/dev',
        jwksUrl: undefined,
        audience: 'pos-api',
      },
    });
    expect(config.pgliteDir).toMatch(/\/\.stack\/data\/pglite$/);
    expect(config.clientDist).toMatch(/\/dist\/client$/);
  });

  it('derives the issuer from PUBLIC_URL and Keycloak’s JWKS path from AUTH_ISSUER', () => {
    expect(readConfig({ PUBLIC_URL: 'https://till.example/' }).auth.issuer).toBe(
      'https://till.example/auth/dev',
    );
    expect(
      readConfig({ AUTH_MODE: 'oidc', AUTH_ISSUER: 'https://id.example/realms/pos' }).auth,
    ).toEqual({
      mode: 'oidc',
      issuer: 'https://id.example/realms/pos',
      jwksUrl: 'https://id.example/realms/pos/protocol/openid-connect/certs',
      audience: 'pos-api',
    });
  });

  it('asks the shared model by default, Permify when told, with its URL and cache time', () => {
    expect(readConfig({}).authz).toEqual({
      mode: 'embedded',
      permifyUrl: 'http://127.0.0.1:3476',
      cacheTtlMs: 5000,
    });
    expect(
      readConfig({
        AUTHZ_MODE: 'permify',
        PERMIFY_URL: 'http://permify.internal:3476/',
        AUTHZ_CACHE_TTL_MS: '0',
      }).authz,
    ).toEqual({ mode: 'permify', permifyUrl: 'http://permify.internal:3476', cacheTtlMs: 0 });
    expect(() => readConfig({ AUTHZ_MODE: 'opa' })).toThrow(/AUTHZ_MODE/);
  });

  it('keeps everything in process without REDIS_URL, and reads the cache settings with it', () => {
    expect(readConfig({}).redis).toEqual({
      url: undefined,
      commandTimeoutMs: 200,
      pullCacheTtlSeconds: 300,
    });
    expect(
      readConfig({
        REDIS_URL: 'redis://cache.internal:6379',
        CACHE_PULL_TTL_SECONDS: '3600',
        REDIS_COMMAND_TIMEOUT_MS: '50',
      }).redis,
    ).toEqual({
      url: 'redis://cache.internal:6379',
      commandTimeoutMs: 50,
      pullCacheTtlSeconds: 3600,
    });
    expect(() => readConfig({ REDIS_URL: 'cache.internal:6379' })).toThrow(/REDIS_URL/);
    expect(() => readConfig({ CACHE_PULL_TTL_SECONDS: '0' })).toThrow(/CACHE_PULL_TTL_SECONDS/);
  });

  it('refuses bad values with every problem named', () => {
    const read = () => readConfig({ PORT: 'eighty', AUTH_MODE: 'oidc', LOG_LEVEL: 'loud' });

    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/PORT.*LOG_LEVEL.*AUTH_ISSUER|PORT.*AUTH_ISSUER|LOG_LEVEL/);
  });
});
