/**
 * Who issues the till's tokens. The embedded issuer (/auth/dev/*) serves development and the
 * demo with a password form; Keycloak signs in on its own page (a redirect, keycloak-js, PKCE).
 */
export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
}

export interface RedirectSignInOptions {
  /** Pre-fills the account: the same person signing in again. */
  loginHint?: string;
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
  /** Restores tokens persisted by a previous page load, or another staff member's. */
  restore(tokens: AuthTokens | null): void;
  /** Redirect providers only: leaves the page for the issuer's sign-in page. */
  redirectToSignIn?(options: RedirectSignInOptions): Promise<void>;
  /** Redirect providers only: the tokens a sign-in brought back to this page load, or null. */
  takeRedirectResult?(): Promise<AuthTokens | null>;
  /** Called when the held access token runs out, by the provider's own clock. */
  onExpired?(listener: () => void): void;
}
