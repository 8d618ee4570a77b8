import type { KeycloakInitOptions, KeycloakLoginOptions } from 'keycloak-js';
import { describe, expect, it } from 'vitest';

import { AuthError } from './auth-provider.ts';
import { KeycloakAuthProvider } from './keycloak-auth-provider.ts';
import type { KeycloakClient } from './keycloak-client.ts';

const NOW_S = 1_750_000_000;
const ORIGIN = 'http://localhost:4173/';
const CALLBACK = `${ORIGIN}#state=s-1&session_state=x&code=c-1`;

/** keycloak-js as far as the provider sees it; each grant answers from `grants`. */
class FakeKeycloak implements KeycloakClient {
  token?: string;
  refreshToken?: string;
  tokenParsed?: { exp?: number };
  timeSkew: number | null = null;
  onTokenExpired?: (() => void) | undefined;
  inits: KeycloakInitOptions[] = [];
  logins: KeycloakLoginOptions[] = [];
  refreshedWith: string[] = [];
  grants: (() => Promise<void>)[] = [];
  private issued = 0;

  issue(): void {
    this.issued += 1;
    this.token = `access-${this.issued}`;
    this.refreshToken = `refresh-${this.issued}`;
    this.tokenParsed = { exp: NOW_S + 300 };
    this.timeSkew = 2;
  }

  private grant(): Promise<void> {
    const next = this.grants.shift();
    return next ? next() : Promise.resolve(this.issue());
  }

  init = async (options: KeycloakInitOptions = {}): Promise<boolean> => {
    this.inits.push(options);
    await Promise.resolve();
    if (options.token !== undefined && options.refreshToken !== undefined) {
      this.token = options.token;
      this.refreshToken = options.refreshToken;
      this.refreshedWith.push(options.refreshToken);
      await this.grant();
      return true;
    }
    if (callbackInUrl) {
      await this.grant();
      return true;
    }
    return false;
  };

  login = (options?: KeycloakLoginOptions): Promise<void> => {
    this.logins.push(options ?? {});
    return Promise.resolve();
  };

  updateToken = async (minValidity?: number): Promise<boolean> => {
    expect(minValidity).toBe(-1);
    if (this.refreshToken === undefined) throw new Error('no refresh token');
    this.refreshedWith.push(this.refreshToken);
    await this.grant();
    return true;
  };

  clearToken = (): void => {
    delete this.token;
    delete this.refreshToken;
  };
}

let callbackInUrl = false;

function provider(client: FakeKeycloak, url = ORIGIN, fetchImpl?: typeof fetch) {
  callbackInUrl = url.includes('#state=');
  return new KeycloakAuthProvider(client, {
    redirectUri: ORIGIN,
    currentUrl: () => url,
    logoutUrl: 'http://localhost:8180/realms/pos/protocol/openid-connect/logout',
    clientId: 'pos-till',
    timeoutMs: 1000,
    ...(fetchImpl === undefined ? {} : { fetchImpl }),
  });
}

const stored = { accessToken: 'old', refreshToken: 'stored-refresh', expiresAt: 0 };
const refused = () =>
  Promise.reject(
    Object.assign(new Error('Server responded with an invalid status.'), {
      response: new Response('{"error":"invalid_grant"}', { status: 400 }),
    }),
  );

describe('KeycloakAuthProvider', () => {
  it('touches neither keycloak-js nor the network to start from a stored session', () => {
    const kc = new FakeKeycloak();
    const p = provider(kc);
    p.restore(stored);

    expect(p.current()).toEqual(stored);
    expect(kc.inits).toEqual([]);
  });

  it('initialises once however many callers race for it, with PKCE and no login iframe', async () => {
    const kc = new FakeKeycloak();
    const p = provider(kc, CALLBACK);
    p.restore(stored);

    const [tokens] = await Promise.all([
      p.takeRedirectResult(),
      p.refresh(),
      p.takeRedirectResult(),
    ]);

    expect(kc.inits).toHaveLength(1);
    expect(kc.inits[0]).toMatchObject({
      pkceMethod: 'S256',
      checkLoginIframe: false,
      redirectUri: ORIGIN,
    });
    // The callback wins: init redeems the code, it is not handed the stored tokens.
    expect(kc.inits[0]?.token).toBeUndefined();
    expect(tokens).toEqual({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      expiresAt: (NOW_S + 300 + 2) * 1000,
    });
    // The stored session was refreshed with its own refresh token after init.
    expect(kc.refreshedWith).toEqual(['stored-refresh']);
  });

  it('refreshes through init with the stored tokens, then through updateToken', async () => {
    const kc = new FakeKeycloak();
    const p = provider(kc);
    p.restore(stored);

    const first = await p.refresh();
    expect(kc.inits).toHaveLength(1);
    expect(kc.inits[0]).toMatchObject({ token: 'old', refreshToken: 'stored-refresh' });
    expect(first.accessToken).toBe('access-1');

    const second = await p.refresh();
    expect(kc.inits).toHaveLength(1);
    expect(kc.refreshedWith).toEqual(['stored-refresh', 'refresh-1']);
    expect(second.accessToken).toBe('access-2');
  });

  it('tells a missing network from a refused session', async () => {
    const kc = new FakeKeycloak();
    const p = provider(kc);
    p.restore(stored);

    kc.grants.push(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(p.refresh()).rejects.toMatchObject({ failure: 'unreachable' });

    kc.grants.push(refused);
    const error = await p.refresh().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ failure: 'session_expired' });
    expect(kc.inits).toHaveLength(1);
  });

  it('refreshes the tokens it was last given, whoever they belong to', async () => {
    const kc = new FakeKeycloak();
    const p = provider(kc);
    p.restore(stored);
    await p.refresh();

    p.restore({ accessToken: 'manager', refreshToken: 'manager-refresh', expiresAt: 0 });
    await p.refresh();
    expect(kc.refreshedWith).toEqual(['stored-refresh', 'manager-refresh']);
  });

  it('signs in on the Keycloak page, always with the login form', async () => {
    const kc = new FakeKeycloak();
    const p = provider(kc);

    await p.redirectToSignIn({ loginHint: 'cashier@demo.test' });
    expect(kc.inits).toHaveLength(1);
    expect(kc.logins).toEqual([
      { redirectUri: ORIGIN, prompt: 'login', loginHint: 'cashier@demo.test' },
    ]);
    expect(await p.takeRedirectResult()).toBeNull();
    await expect(p.signIn()).rejects.toBeInstanceOf(AuthError);
  });

  it('passes keycloak-js token expiry on', () => {
    const kc = new FakeKeycloak();
    const p = provider(kc);
    let expired = 0;
    p.onExpired(() => (expired += 1));

    kc.onTokenExpired?.();
    expect(expired).toBe(1);
  });

  it('ends the Keycloak session on sign-out and forgets the tokens even offline', async () => {
    const calls: string[] = [];
    const kc = new FakeKeycloak();
    const p = provider(kc, ORIGIN, (input, init) => {
      calls.push(`${String(input)} ${String(init?.body)}`);
      return Promise.reject(new TypeError('offline'));
    });
    p.restore(stored);

    await p.signOut();
    expect(p.current()).toBeNull();
    expect(calls).toEqual([
      'http://localhost:8180/realms/pos/protocol/openid-connect/logout client_id=pos-till&refresh_token=stored-refresh',
    ]);
  });
});
