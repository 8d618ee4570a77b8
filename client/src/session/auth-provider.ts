/**
 * Who issues the till's tokens. The embedded issuer (/auth/dev/*) serves development and the
 * demo; TODO(#4): a Keycloak implementation (keycloak-js, PKCE) comes behind this interface.
 */
export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
}

export interface Credentials {
  username: string;
  password: string;
}

export type AuthFailure = 'invalid_credentials' | 'session_expired' | 'unreachable' | 'server';

export class AuthError extends Error {
  constructor(
    readonly failure: AuthFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export interface AuthProvider {
  /** The tokens held now, possibly expired (selling goes on offline with them). */
  current(): AuthTokens | null;
  signIn(credentials: Credentials): Promise<AuthTokens>;
  /** Fails with `session_expired` when the issuer no longer accepts the refresh token. */
  refresh(): Promise<AuthTokens>;
  signOut(): Promise<void>;
  /** Restores tokens persisted by a previous page load. */
  restore(tokens: AuthTokens | null): void;
}
