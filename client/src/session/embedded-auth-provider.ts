import { tokenResponseSchema, type TokenResponse } from '@pos/shared';

import { ApiError, errorMessage } from './api-error.ts';
import {
  AuthError,
  type AuthProvider,
  type AuthTokens,
  type Credentials,
} from './auth-provider.ts';

const TIMEOUT_MS = 20_000;

function toTokens(response: TokenResponse, now: number): AuthTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: now + response.expires_in * 1000,
  };
}

/** The sync server's built-in issuer: password and refresh grants under /auth/dev. */
export class EmbeddedAuthProvider implements AuthProvider {
  private tokens: AuthTokens | null = null;

  constructor(
    private readonly fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
    private readonly now: () => number = () => Date.now(),
  ) {}

  current(): AuthTokens | null {
    return this.tokens;
  }

  restore(tokens: AuthTokens | null): void {
    this.tokens = tokens;
  }

  async signIn(credentials: Credentials): Promise<AuthTokens> {
    this.tokens = await this.grant('/auth/dev/token', credentials, 'invalid_credentials');
    return this.tokens;
  }

  async refresh(): Promise<AuthTokens> {
    const refreshToken = this.tokens?.refreshToken;
    if (!refreshToken) throw new AuthError('session_expired', 'Sign in again to continue syncing');

    this.tokens = await this.grant(
      '/auth/dev/refresh',
      { refresh_token: refreshToken },
      'session_expired',
    );
    return this.tokens;
  }

  /** The embedded issuer keeps no server-side session; forgetting the tokens is signing out. */
  signOut(): Promise<void> {
    this.tokens = null;
    return Promise.resolve();
  }

  private async grant(
    path: string,
    body: unknown,
    on401: AuthError['failure'],
  ): Promise<AuthTokens> {
    let response: Response;
    try {
      response = await this.fetchImpl(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        cache: 'no-store',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new AuthError('unreachable', `The server cannot be reached (${errorMessage(error)})`);
    }

    if (response.status === 401 || response.status === 400 || response.status === 422) {
      const error = await ApiError.fromResponse(response);
      throw new AuthError(
        on401,
        on401 === 'invalid_credentials'
          ? 'That email and password do not match'
          : `Sign in again to continue syncing (${error.message})`,
      );
    }
    if (!response.ok) {
      const error = await ApiError.fromResponse(response);
      throw new AuthError('server', error.message);
    }

    const parsed = tokenResponseSchema.safeParse(await response.json());
    if (!parsed.success) throw new AuthError('server', 'The sign-in answer was not understood');
    return toTokens(parsed.data, this.now());
  }
}
