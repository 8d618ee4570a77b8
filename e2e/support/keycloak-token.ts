import { expect, type APIRequestContext } from '@playwright/test';

export const KEYCLOAK_URL = process.env.KEYCLOAK_URL ?? 'http://localhost:8180';

/**
 * An access token straight from Keycloak for a test account: the `pos-tests` client allows the
 * password grant, so the test reads the server as a manager without a browser.
 */
export async function keycloakToken(
  request: APIRequestContext,
  user: { email: string; password: string },
): Promise<string> {
  const response = await request
    .post(`${KEYCLOAK_URL}/realms/pos/protocol/openid-connect/token`, {
      form: {
        grant_type: 'password',
        client_id: 'pos-tests',
        username: user.email,
        password: user.password,
      },
    })
    .catch((error: unknown) => {
      throw new Error(
        `Keycloak is not reachable at ${KEYCLOAK_URL} (start it with scripts/lib/keycloak.mjs or npm run stack; KEYCLOAK_URL overrides): ${String(error)}`,
      );
    });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}
