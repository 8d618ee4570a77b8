/**
 * Where a simulated till gets its access token. It keeps the token until told it was refused
 * (`forget`), like the till keeps its session; a failed fetch is a failed push attempt, retried.
 */
export interface TokenSource {
  get(): Promise<string>;
  forget(): void;
}

const TOKEN_TIMEOUT_MS = 5_000;

function cachedSource(fetchToken: () => Promise<string>): TokenSource {
  let token: Promise<string> | undefined;
  return {
    get() {
      token ??= fetchToken().catch((error: unknown) => {
        token = undefined;
        throw error;
      });
      return token;
    },
    forget() {
      token = undefined;
    },
  };
}

async function accessTokenOf(response: Response, who: string): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { access_token?: string };
  if (!response.ok || body.access_token === undefined) {
    throw new Error(`no token for ${who}: ${response.status}`);
  }
  return body.access_token;
}

/** Keycloak's `pos-tests` client: password grant, for automated tests only. */
export function keycloakTokens(keycloakUrl: string, username: string, password: string) {
  const url = `${keycloakUrl.replace(/\/+$/, '')}/realms/pos/protocol/openid-connect/token`;
  return cachedSource(async () => {
    const response = await fetch(url, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'pos-tests',
        username,
        password,
      }),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
    return accessTokenOf(response, username);
  });
}

/** The embedded issuer of a sync server started without Keycloak. */
export function embeddedTokens(serverUrl: () => string, username: string, password: string) {
  return cachedSource(async () => {
    const response = await fetch(`${serverUrl()}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
    return accessTokenOf(response, username);
  });
}
