import { beforeAll, describe, expect, it } from 'vitest';

// The stack's gateway (krakend/krakend.json) in front of the real sync servers, with tokens
// from the real Keycloak: what a till sees. The test runner starts the stack and passes
// KEYCLOAK_URL (e.g. http://localhost:8180) and GATEWAY_URL (e.g. http://localhost:8000).

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: this suite needs the running stack (Keycloak and the gateway in ` +
        `front of the sync servers); run it through \`npm test\`, which starts them.`,
    );
  }
  return value.replace(/\/+$/, '');
}

const keycloakUrl = requireEnv('KEYCLOAK_URL');
const gatewayUrl = requireEnv('GATEWAY_URL');

async function passwordToken(username: string, password: string): Promise<string> {
  const response = await fetch(`${keycloakUrl}/realms/pos/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'pos-tests',
      username,
      password,
    }),
  });
  if (!response.ok) throw new Error(`Keycloak refused ${username}: ${response.status}`);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

async function me(token: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${gatewayUrl}/api/me`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...headers },
  });
}

let demoCashier: string;
let harbourCashier: string;

beforeAll(async () => {
  demoCashier = await passwordToken('cashier@demo.test', 'cashier123');
  harbourCashier = await passwordToken('cashier@harbour.test', 'cashier123');
});

describe('the gateway with Keycloak and the sync servers', () => {
  it('is healthy and refuses a call without a token', async () => {
    expect((await fetch(`${gatewayUrl}/__health`)).status).toBe(200);
    expect((await fetch(`${gatewayUrl}/api/me`)).status).toBe(401);
  });

  it('lets a Keycloak token through to a sync server, which answers for its user', async () => {
    const response = await me(demoCashier);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ userId: 'staff-cashier', tenantId: 'demo' });
  });

  it('answers for the token, not for a tenant header the client wrote', async () => {
    const honest: unknown = await (await me(demoCashier)).json();
    const forged = await me(demoCashier, {
      'X-Tenant-Id': 'harbour',
      'X-User-Id': 'staff-harbour-owner',
    });
    expect(forged.status).toBe(200);
    expect(await forged.json()).toEqual(honest);

    expect(await (await me(harbourCashier)).json()).toMatchObject({
      userId: 'staff-harbour-cashier',
      tenantId: 'harbour',
    });
  });

  it('refuses a token whose signature was tampered with', async () => {
    const [header, payload, signature = ''] = demoCashier.split('.');
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect((await me(`${header}.${payload}.${flipped}`)).status).toBe(401);
  });

  it('pulls a page of the catalog through either sync server', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${gatewayUrl}/api/sync/products/pull?seq=0&limit=5`, {
        headers: { Authorization: `Bearer ${demoCashier}` },
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { documents: unknown[] };
      expect(page.documents.length).toBeGreaterThan(0);
    }
  });

  it('serves the till and its sign-in settings to a browser on the till origin', async () => {
    const config = await fetch(`${gatewayUrl}/api/client-config`);
    expect(config.status).toBe(200);
    expect(await config.json()).toMatchObject({ mode: 'keycloak', realm: 'pos' });

    const page = await fetch(`${gatewayUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });
});
