import type { KeycloakInitOptions } from 'keycloak-js';

import { errorMessage } from './api-error.ts';
import {
  AuthError,
  type AuthProvider,
  type AuthTokens,
  type RedirectSignInOptions,
} from './auth-provider.ts';
import { hasSignInCallback, initOnce, type KeycloakClient } from './keycloak-client.ts';

export interface KeycloakProviderOptions {
  /** Where Keycloak sends the browser back: the till's origin + '/'. */
  redirectUri: string;
  /** The page's URL now (a sign-in callback is in its fragment). */
  currentUrl: () => string;
  /** The realm's end-session endpoint, told on sign-out so the account's session ends. */
  logoutUrl: string;
  clientId: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

interface InitOutcome {
  /** The tokens a sign-in callback in the URL brought. */
  callbackTokens: AuthTokens | null;
  /** init was given stored tokens and refreshed them (keycloak-js does so on init). */
  refreshedFor: string | null;
  error: unknown;
}

const TIMEOUT_MS = 20_000;

/**
 * Keycloak through keycloak-js: authorization code with PKCE (S256) on Keycloak's own page, no
 * login iframe. keycloak-js cannot start offline, so nothing here runs at page load unless
 * Keycloak just sent the browser back: the till starts from its stored session, and init runs
 * (once per page) when the first refresh or sign-in needs the network.
 */
export class KeycloakAuthProvider implements AuthProvider {
  private tokens: AuthTokens | null = null;
  private init: Promise<InitOutcome> | undefined;
  private initRefreshUsed = false;
  private expiredListener: (() => void) | undefined;

  constructor(
    private readonly client: KeycloakClient,
    private readonly options: KeycloakProviderOptions,
  ) {
    client.onTokenExpired = () => this.expiredListener?.();
  }

  current(): AuthTokens | null {
    return this.tokens;
  }

  restore(tokens: AuthTokens | null): void {
    this.tokens = tokens;
  }

  onExpired(listener: () => void): void {
    this.expiredListener = listener;
  }

  signIn(): Promise<AuthTokens> {
    return Promise.reject(new AuthError('server', 'This till signs in on the Keycloak page'));
  }

  async redirectToSignIn(options: RedirectSignInOptions): Promise<void> {
    await this.ensureInit();
    // Always the login form: on a shared till, Keycloak's remembered session is someone else's.
    await this.client.login({
      redirectUri: this.options.redirectUri,
      prompt: 'login',
      ...(options.loginHint === undefined ? {} : { loginHint: options.loginHint }),
    });
  }

  async takeRedirectResult(): Promise<AuthTokens | null> {
    if (!hasSignInCallback(this.options.currentUrl())) return null;

    const outcome = await this.ensureInit();
    if (outcome.error !== null) throw toAuthError(outcome.error, 'invalid_credentials');
    return outcome.callbackTokens;
  }

  async refresh(): Promise<AuthTokens> {
    const held = this.tokens;
    if (held === null) throw new AuthError('session_expired', 'Sign in again to continue syncing');

    const outcome = await this.ensureInit();
    if (!this.initRefreshUsed && outcome.refreshedFor === held.refreshToken) {
      this.initRefreshUsed = true;
      if (outcome.error !== null) throw toAuthError(outcome.error, 'session_expired');
      this.tokens = this.read();
      return this.tokens;
    }
    this.initRefreshUsed = true;

    // keycloak-js holds one account's tokens; on a shared till the one refreshed may change.
    this.client.token = held.accessToken;
    this.client.refreshToken = held.refreshToken;
    try {
      await this.withTimeout(this.client.updateToken(-1));
    } catch (error) {
      throw toAuthError(error, 'session_expired');
    }
    this.tokens = this.read();
    return this.tokens;
  }

  /** Ends the account's Keycloak session when the network allows; forgetting it locally always. */
  async signOut(): Promise<void> {
    const held = this.tokens;
    this.tokens = null;
    this.client.clearToken();
    if (held === null) return;

    const fetchImpl = this.options.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
    try {
      await fetchImpl(this.options.logoutUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: this.options.clientId,
          refresh_token: held.refreshToken,
        }),
        signal: AbortSignal.timeout(5000),
      });
    } catch {
      // Offline: the refresh token is gone from this device and expires on its own.
    }
  }

  private ensureInit(): Promise<InitOutcome> {
    this.init ??= this.runInit();
    return this.init;
  }

  private async runInit(): Promise<InitOutcome> {
    const callback = hasSignInCallback(this.options.currentUrl());
    // With stored tokens keycloak-js refreshes them during init; a callback takes precedence.
    const held = callback ? null : this.tokens;
    const options: KeycloakInitOptions = {
      pkceMethod: 'S256',
      checkLoginIframe: false,
      responseMode: 'fragment',
      redirectUri: this.options.redirectUri,
      ...(held === null ? {} : { token: held.accessToken, refreshToken: held.refreshToken }),
    };

    try {
      const authenticated = await this.withTimeout(initOnce(this.client, options));
      return {
        callbackTokens: callback && authenticated ? this.read() : null,
        refreshedFor: held?.refreshToken ?? null,
        error: null,
      };
    } catch (error) {
      return { callbackTokens: null, refreshedFor: held?.refreshToken ?? null, error };
    }
  }

  private read(): AuthTokens {
    const { token, refreshToken, tokenParsed, timeSkew } = this.client;
    const exp = tokenParsed?.exp;
    if (token === undefined || refreshToken === undefined || typeof exp !== 'number') {
      throw new AuthError('server', 'Keycloak answered without tokens');
    }
    // timeSkew is the device clock minus Keycloak's: expiry on the device's clock.
    return { accessToken: token, refreshToken, expiresAt: (exp + (timeSkew ?? 0)) * 1000 };
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T> {
    const ms = this.options.timeoutMs ?? TIMEOUT_MS;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new AuthError('unreachable', 'Keycloak did not answer in time')),
        ms,
      );
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(describe(error)));
        },
      );
    });
  }
}

/** keycloak-js's errors: a refused grant (HTTP 400), no network, or a sign-in page error. */
function toAuthError(
  error: unknown,
  refused: 'session_expired' | 'invalid_credentials',
): AuthError {
  if (error instanceof AuthError) return error;

  const status = statusOf(error);
  if (status === 400 || status === 401) {
    return new AuthError(
      refused,
      refused === 'session_expired'
        ? 'Sign in again to continue syncing (Keycloak ended the session)'
        : 'Keycloak did not accept the sign-in: try again',
    );
  }
  if (status !== undefined) return new AuthError('server', `Keycloak answered ${status}`);
  if (error instanceof TypeError) {
    return new AuthError('unreachable', `Keycloak cannot be reached (${error.message})`);
  }
  return new AuthError('server', `Signing in failed: ${describe(error)}`);
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const response: unknown = error.response;
  return response instanceof Response ? response.status : undefined;
}

/** keycloak-js rejects a refused sign-in with a plain `{ error, error_description }` object. */
function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'error' in error) {
    const record = error as { error: unknown; error_description?: unknown };
    return String(record.error_description ?? record.error);
  }
  return errorMessage(error);
}
