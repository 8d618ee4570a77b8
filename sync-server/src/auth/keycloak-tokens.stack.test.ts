import { randomBytes } from 'node:crypto';

import {
  formatReceiptNumber,
  newId,
  type Customer,
  type MeResponse,
  type PullResponse,
  type Sale,
} from '@pos/shared';
import type { Hono } from 'hono';
import { generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApp } from '../app.ts';
import { readConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { runMigrations } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import type { AppEnv } from '../http/app-env.ts';
import { silentLogger } from '../observability/logger.ts';
import { createInProcessChangeBus } from '../replication/change-bus.ts';
import {
  HARBOUR_DEVICE_ID,
  HARBOUR_STORE_ID,
  harbourProducts,
} from '../seed/harbour-organisation.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { createKeycloakAdmin } from '../tenants/keycloak-admin.ts';
import { buildCustomer } from '../testing/build-documents.ts';
import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import { requireEnv } from '../testing/require-env.ts';
import { SETUP_TIMEOUT_MS } from '../testing/setup-timeout.ts';
import { bearer, buildSale, pushBody, TEST_BODY_LIMIT } from '../testing/test-app.ts';
import { createAuth } from './create-auth.ts';

const SUITE = 'keycloak-tokens.stack.test.ts';
const KEYCLOAK_URL = requireEnv('KEYCLOAK_URL', SUITE).replace(/\/+$/, '');
requireEnv('DATABASE_URL', SUITE);
// The issuer is fixed by KC_HOSTNAME, whichever address the tests reach Keycloak on.
const ISSUER = process.env['AUTH_ISSUER'] ?? 'http://localhost:8180/realms/pos';
const REALM_URL = `${KEYCLOAK_URL}/realms/pos`;
const UNAUTHENTICATED = { kind: 'unauthenticated', message: 'a valid access token is required' };

type Claims = Record<string, unknown>;

async function passwordGrant(clientId: string, username: string, password: string) {
  const response = await fetch(`${REALM_URL}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (body.access_token === undefined) {
    throw new Error(`${username} via ${clientId}: ${response.status} ${body.error_description}`);
  }
  return body.access_token;
}

function decodePart(token: string, index: 0 | 1): Claims {
  return JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString()) as Claims;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Every stored row, so a refused request can be shown to have changed nothing. */
async function snapshot(db: Database, tenantId?: string): Promise<string> {
  const { rows } = await db.query(
    `select tenant_id, collection, id, data from documents
     where $1::text is null or tenant_id = $1 order by tenant_id, collection, id`,
    [tenantId ?? null],
  );
  return JSON.stringify(rows);
}

async function rowCount(db: Database): Promise<number> {
  const { rows } = await db.query<{ count: string }>('select count(*) as count from documents');
  return Number(rows[0]?.count);
}

describe('the sync server against real Keycloak tokens', () => {
  let pg: FreshPostgres;
  let db: Database;
  let app: Hono<AppEnv>;
  /** The same server with its clock 10 minutes ahead: every 5-minute token has expired. */
  let later: Hono<AppEnv>;
  const admin = createKeycloakAdmin({
    url: KEYCLOAK_URL,
    password: process.env['KEYCLOAK_ADMIN_PASSWORD'] ?? 'admin',
  });
  const tokens: Record<string, string> = {};
  let noAudienceClient: string | undefined;

  beforeAll(async () => {
    const discovery = await fetch(`${REALM_URL}/.well-known/openid-configuration`);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(ISSUER);

    pg = await freshPostgres();
    db = await openDatabase({ databaseUrl: pg.url });
    await runMigrations(db);
    await seedDemo(db, { size: 5 });

    // The server reads its auth settings as it would from AUTH_MODE and AUTH_ISSUER.
    const { auth: config } = readConfig({ AUTH_MODE: 'oidc', AUTH_ISSUER: ISSUER });
    const serve = async (now?: () => Date) =>
      createApp({
        db,
        auth: await createAuth(config, db, now),
        bus: createInProcessChangeBus(),
        logger: silentLogger,
        bodyLimitBytes: TEST_BODY_LIMIT,
        ...(now === undefined ? {} : { now }),
      });
    app = await serve();
    later = await serve(() => new Date(Date.now() + 10 * 60_000));

    const users = [
      ['cashier', 'cashier@demo.test', 'cashier123'],
      ['manager', 'manager@demo.test', 'manager123'],
      ['owner', 'owner@demo.test', 'owner123'],
      ['harbourCashier', 'cashier@harbour.test', 'cashier123'],
      ['harbourManager', 'manager@harbour.test', 'manager123'],
    ] as const;
    for (const [name, username, password] of users) {
      tokens[name] = await passwordGrant('pos-tests', username, password);
    }
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    if (noAudienceClient !== undefined) {
      await admin.request('DELETE', `/clients/${noAudienceClient}`);
    }
    await db?.close();
    await pg?.drop();
  });

  const token = (name: string) => {
    const value = tokens[name];
    if (value === undefined) throw new Error(`no token for ${name}`);
    return value;
  };
  const get = (on: Hono<AppEnv>, path: string, accessToken: string, headers = {}) =>
    on.request(path, { headers: { ...bearer(accessToken), ...headers } });
  const push = (on: Hono<AppEnv>, collection: string, accessToken: string, documents: unknown[]) =>
    on.request(`/api/sync/${collection}/push`, {
      method: 'POST',
      headers: bearer(accessToken),
      body: pushBody(
        documents.map((document) => ({ assumedMasterState: null, newDocumentState: document })),
      ),
    });

  it('carries sub, roles, tenant, audience, email and name in the access token', () => {
    const claims = decodePart(token('manager'), 1);

    expect(claims).toMatchObject({
      iss: ISSUER,
      sub: 'staff-manager',
      tenant_id: 'demo',
      email: 'manager@demo.test',
      name: 'Morgan Manager',
      realm_access: { roles: expect.arrayContaining(['manager', 'cashier']) as unknown },
    });
    expect(claims['aud']).toContain('pos-api');
    expect(decodePart(token('manager'), 0)).toMatchObject({ alg: 'RS256' });
  });

  it('lets a valid token through to /api/me as the user it names', async () => {
    const response = await get(app, '/api/me', token('owner'));

    expect(response.status).toBe(200);
    const me = (await response.json()) as MeResponse;
    expect(me).toMatchObject({ userId: 'staff-owner', tenantId: 'demo', email: 'owner@demo.test' });
    expect([...me.roles].sort()).toEqual(['cashier', 'manager', 'owner']);
  });

  describe('refuses tokens it must not trust, and writes nothing for them', () => {
    const refused: { name: string; on: () => Hono<AppEnv>; token: () => Promise<string> }[] = [
      { name: 'expired', on: () => later, token: async () => token('manager') },
      {
        name: 'signed by another key under Keycloak’s kid',
        on: () => app,
        token: async () => {
          const real = token('manager');
          const { privateKey } = await generateKeyPair('RS256');
          return new SignJWT(decodePart(real, 1))
            .setProtectedHeader({ alg: 'RS256', kid: String(decodePart(real, 0)['kid']) })
            .sign(privateKey);
        },
      },
      {
        name: 'real but re-pointed at another tenant',
        on: () => app,
        token: async () => {
          const [header, , signature] = token('manager').split('.');
          const payload = { ...decodePart(token('manager'), 1), tenant_id: 'harbour' };
          return `${header}.${base64url(payload)}.${signature}`;
        },
      },
      {
        name: 'real but for another audience (a client without pos-api)',
        on: () => app,
        token: async () => {
          const issued = await passwordGrant(
            await audiencelessClient(),
            'manager@demo.test',
            'manager123',
          );
          const claims = decodePart(issued, 1);
          // Only the audience is wrong: it is Keycloak's, with the tenant and roles in it.
          expect(claims).toMatchObject({ iss: ISSUER, sub: 'staff-manager', tenant_id: 'demo' });
          expect(claims['aud'] ?? []).not.toContain('pos-api');
          return issued;
        },
      },
      {
        name: 'real from admin-cli',
        on: () => app,
        token: () => passwordGrant('admin-cli', 'manager@demo.test', 'manager123'),
      },
      {
        name: 'alg none',
        on: () => app,
        token: async () => {
          const real = token('manager');
          const header = { ...decodePart(real, 0), alg: 'none' };
          return `${base64url(header)}.${base64url(decodePart(real, 1))}.`;
        },
      },
      {
        name: 'HS256 with Keycloak’s public key as the secret',
        on: () => app,
        token: async () => {
          const real = token('manager');
          const kid = String(decodePart(real, 0)['kid']);
          const jwks = (await (
            await fetch(`${REALM_URL}/protocol/openid-connect/certs`)
          ).json()) as {
            keys: JWK[];
          };
          const publicJwk = jwks.keys.find((key) => key.kid === kid);
          expect(publicJwk).toBeDefined();
          return new SignJWT(decodePart(real, 1))
            .setProtectedHeader({ alg: 'HS256', kid })
            .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
        },
      },
    ];

    async function audiencelessClient(): Promise<string> {
      const clientId = `pos-tests-no-audience-${randomBytes(3).toString('hex')}`;
      noAudienceClient = String(
        await admin.request('POST', '/clients', {
          clientId,
          publicClient: true,
          standardFlowEnabled: false,
          directAccessGrantsEnabled: true,
          protocolMappers: [
            {
              name: 'tenant_id',
              protocol: 'openid-connect',
              protocolMapper: 'oidc-usermodel-attribute-mapper',
              config: {
                'user.attribute': 'tenant_id',
                'claim.name': 'tenant_id',
                'jsonType.label': 'String',
                'aggregate.attrs': 'true',
                'access.token.claim': 'true',
              },
            },
          ],
        }),
      );
      return clientId;
    }

    it.each(refused)('$name: 401 on /api/me and on push, nothing written', async (bad) => {
      const forged = await bad.token();
      const before = await rowCount(db);
      const rows = await snapshot(db);

      const me = await get(bad.on(), '/api/me', forged);
      const pushed = await push(bad.on(), 'customers', forged, [buildCustomer(`cust-${newId()}`)]);

      expect(me.status).toBe(401);
      expect(await me.json()).toEqual(UNAUTHENTICATED);
      expect(pushed.status).toBe(401);
      expect(await pushed.json()).toEqual(UNAUTHENTICATED);
      expect(await rowCount(db)).toBe(before);
      expect(await snapshot(db)).toBe(rows);
    });

    it('while the same push with a valid token does write', async () => {
      const before = await rowCount(db);

      const pushed = await push(app, 'customers', token('manager'), [
        buildCustomer(`cust-${newId()}`),
      ]);

      expect(pushed.status).toBe(200);
      expect(await pushed.json()).toEqual({ conflicts: [], rejected: [] });
      expect(await rowCount(db)).toBe(before + 1);
    });
  });

  describe('keeps tenant demo out of tenant harbour', () => {
    const harbourCustomer: Customer = buildCustomer(`cust-${newId()}`, {
      name: 'Harriet Harbourside',
    });
    let harbourSale: Sale;

    beforeAll(async () => {
      const product = harbourProducts(new Date(0).toISOString()).find(
        (p) => p.taxRateIds.length === 0,
      );
      if (product === undefined) throw new Error('the harbour seed has no zero-rated product');
      harbourSale = {
        ...buildSale(1, [{ product, quantity: 1000 }]),
        storeId: HARBOUR_STORE_ID,
        deviceId: HARBOUR_DEVICE_ID,
        receiptNumber: formatReceiptNumber('HC', 'H1', 1),
        cashierId: 'staff-harbour-cashier',
        cashierName: 'Hana Harbour',
      };

      // Written the way harbour's own tills write them, with harbour's tokens.
      const customers = await push(app, 'customers', token('harbourManager'), [harbourCustomer]);
      const sales = await push(app, 'sales', token('harbourCashier'), [harbourSale]);
      expect(await customers.json()).toEqual({ conflicts: [], rejected: [] });
      expect(await sales.json()).toEqual({ conflicts: [], rejected: [] });
    });

    const demoUsers = ['cashier', 'manager', 'owner'] as const;
    const collections = ['sales', 'customers', 'staff', 'stores', 'devices', 'products'];

    it('pulls none of harbour’s documents for any demo user', async () => {
      const harbourIds = new Set<string>();
      for (const collection of collections) {
        const pulled = await get(
          app,
          `/api/sync/${collection}/pull?limit=1000`,
          token('harbourManager'),
        );
        const page = (await pulled.json()) as PullResponse;
        for (const document of page.documents) harbourIds.add(String(document['id']));
      }
      expect(harbourIds).toContain(harbourSale.id);
      expect(harbourIds).toContain(HARBOUR_STORE_ID);

      for (const user of demoUsers) {
        for (const collection of collections) {
          const pulled = await get(
            app,
            `/api/sync/${collection}/pull?limit=1000&tenantId=harbour`,
            token(user),
            { 'x-tenant-id': 'harbour' },
          );
          expect(pulled.status).toBe(200);
          const page = (await pulled.json()) as PullResponse;
          const leaked = page.documents.filter(
            (document) =>
              document['id'] === harbourSale.id ||
              document['id'] === harbourCustomer.id ||
              document['storeId'] === HARBOUR_STORE_ID ||
              String(document['id']).includes('harbour'),
          );
          expect(leaked, `${user} pulling ${collection}`).toEqual([]);
        }
      }
    });

    it('answers 404 for harbour’s sale by id, and finds no harbour sale by receipt or store', async () => {
      const own = await get(app, `/api/sales/${harbourSale.id}`, token('harbourManager'));
      expect(own.status).toBe(200);

      for (const user of demoUsers) {
        const byId = await get(app, `/api/sales/${harbourSale.id}?tenantId=harbour`, token(user));
        expect(byId.status, `${user} by id`).toBe(404);
        expect(await byId.json()).toMatchObject({ kind: 'not_found' });
      }

      const owner = token('owner');
      const byReceipt = await get(
        app,
        `/api/sales?receiptNumber=${harbourSale.receiptNumber}`,
        owner,
      );
      const byStore = await get(app, `/api/sales?storeId=${HARBOUR_STORE_ID}`, owner);
      const all = await get(app, '/api/sales?tenantId=harbour', owner, {
        'x-tenant-id': 'harbour',
      });
      expect(JSON.stringify(await byReceipt.json())).not.toContain(harbourSale.id);
      expect(JSON.stringify(await byStore.json())).not.toContain(harbourSale.id);
      expect(all.status).toBe(200);
      expect(JSON.stringify(await all.json())).not.toContain(harbourSale.id);
    });

    it('finds no harbour customer, stock or store for a demo owner', async () => {
      const owner = token('owner');
      const query = encodeURIComponent('Harriet');

      const theirs = await get(app, `/api/customers?query=${query}`, token('harbourManager'));
      const ours = await get(app, `/api/customers?query=${query}`, owner);
      const stock = await get(app, `/api/stock/on-hand?storeId=${HARBOUR_STORE_ID}`, owner);
      const claim = await app.request('/api/devices/claim', {
        method: 'POST',
        headers: bearer(owner),
        body: JSON.stringify({ installationId: newId(), storeId: HARBOUR_STORE_ID }),
      });

      expect(JSON.stringify(await theirs.json())).toContain(harbourCustomer.id);
      expect(ours.status).toBe(200);
      expect(JSON.stringify(await ours.json())).not.toContain(harbourCustomer.id);
      expect(JSON.stringify(await stock.json())).not.toContain('prod-hc-');
      expect(claim.status).toBe(404);
    });

    it('changes nothing of harbour’s when a demo user pushes documents naming harbour', async () => {
      const harbourBefore = await snapshot(db, 'harbour');

      for (const user of demoUsers) {
        const renamedCustomer = {
          ...harbourCustomer,
          name: `Taken by ${user}`,
          tenantId: 'harbour',
        };
        const copiedSale = {
          ...harbourSale,
          tenantId: 'harbour',
          updatedAt: new Date().toISOString(),
        };
        const sameIdCustomer = { ...harbourCustomer, name: `Overwritten by ${user}` };
        await push(app, 'customers', token(user), [renamedCustomer]);
        await push(app, 'customers', token(user), [sameIdCustomer]);
        await push(app, 'sales', token(user), [copiedSale]);
        await app.request('/api/sync/customers/push?tenantId=harbour', {
          method: 'POST',
          headers: { ...bearer(token(user)), 'x-tenant-id': 'harbour' },
          body: pushBody([
            { assumedMasterState: harbourCustomer, newDocumentState: sameIdCustomer },
          ]),
        });
      }

      expect(await snapshot(db, 'harbour')).toBe(harbourBefore);
      const theirs = await get(app, `/api/sales/${harbourSale.id}`, token('harbourManager'));
      expect(await theirs.json()).toMatchObject({ id: harbourSale.id, storeId: HARBOUR_STORE_ID });
    });
  });
});
