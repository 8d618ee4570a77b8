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

  it('refuses bad values with every problem named', () => {
    const read = () => readConfig({ PORT: 'eighty', AUTH_MODE: 'oidc', LOG_LEVEL: 'loud' });

    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/PORT.*LOG_LEVEL.*AUTH_ISSUER|PORT.*AUTH_ISSUER|LOG_LEVEL/);
  });
});
