import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createPermifyAuthorizer } from '../authz/permify-authorizer.ts';
import type { Database } from '../db/database.ts';
import { runMigrations } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { freshPostgres, type FreshPostgres } from '../testing/fresh-postgres.ts';
import { requireEnv } from '../testing/require-env.ts';
import { createTenant, type NewTenant } from './create-tenant.ts';
import { createKeycloakAdmin, tenantGroupName } from './keycloak-admin.ts';

const SUITE = 'the tenant:create stack test';
const keycloakUrl = requireEnv('KEYCLOAK_URL', SUITE);
const permifyUrl = requireEnv('PERMIFY_URL', SUITE);
requireEnv('DATABASE_URL', SUITE);

const keycloak = createKeycloakAdmin({ url: keycloakUrl });
const suffix = randomBytes(4).toString('hex');
const tenant: NewTenant = {
  id: `onboard-${suffix}`,
  name: `Onboarding Test ${suffix}`,
  ownerEmail: `owner-${suffix}@onboard.test`,
  ownerName: 'Nora Newshop',
  timezone: 'Europe/Paris',
  currency: 'EUR',
};

async function passwordGrant(username: string, password: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${keycloakUrl}/realms/pos/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'pos-tests',
      username,
      password,
    }),
  });
  expect(response.status).toBe(200);
  const { access_token: token } = (await response.json()) as { access_token: string };
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('tenant:create against the real Keycloak, Permify and Postgres', () => {
  let postgres: FreshPostgres;
  let db: Database;

  beforeAll(async () => {
    postgres = await freshPostgres();
    db = await openDatabase({ databaseUrl: postgres.url, pgliteDir: 'memory://' });
    await runMigrations(db);
  });

  afterAll(async () => {
    const users = await keycloak.request('GET', `/users?email=${tenant.ownerEmail}&exact=true`);
    for (const user of Array.isArray(users) ? (users as { id: string }[]) : []) {
      await keycloak.request('DELETE', `/users/${user.id}`);
    }
    const groups = await keycloak.request('GET', `/groups?search=${tenantGroupName(tenant.id)}`);
    for (const group of Array.isArray(groups) ? (groups as { id: string }[]) : []) {
      await keycloak.request('DELETE', `/groups/${group.id}`);
    }
    await db.close();
    await postgres.drop();
  });

  it('creates the tenant everywhere once, and a second run creates nothing', async () => {
    const authorizer = createPermifyAuthorizer({ db, permifyUrl });
    const deps = { db, authorizer, keycloak };

    const first = await createTenant(deps, tenant);
    const second = await createTenant(deps, tenant);

    expect(first.ownerPassword).toMatch(/^[\w-]{12,}$/);
    expect(first.documentsWritten).toBe(3);
    expect(second).toMatchObject({ ownerId: first.ownerId, documentsWritten: 0 });
    expect(second.ownerPassword).toBeUndefined();

    const users = await keycloak.request('GET', `/users?email=${tenant.ownerEmail}&exact=true`);
    const groups = await keycloak.request(
      'GET',
      `/groups?search=${tenantGroupName(tenant.id)}&exact=true`,
    );
    expect(users).toHaveLength(1);
    expect(groups).toHaveLength(1);

    const { rows } = await db.query<{ collection: string; id: string }>(
      'select collection, id from documents where tenant_id = $1 order by collection',
      [tenant.id],
    );
    expect(rows).toEqual([
      { collection: 'devices', id: first.deviceId },
      { collection: 'staff', id: first.ownerId },
      { collection: 'stores', id: first.storeId },
    ]);
  });

  it("gives the owner a token of the new tenant and the owner's permissions in Permify", async () => {
    const authorizer = createPermifyAuthorizer({ db, permifyUrl });
    const created = await createTenant({ db, authorizer, keycloak }, tenant);
    const password = `Pw-${suffix}-${randomBytes(6).toString('hex')}`;
    await keycloak.ensureUser({
      email: tenant.ownerEmail,
      firstName: 'Nora',
      lastName: 'Newshop',
      role: 'owner',
      tenantId: tenant.id,
      password,
    });

    const claims = await passwordGrant(tenant.ownerEmail, password);

    expect(claims).toMatchObject({ sub: created.ownerId, tenant_id: tenant.id });
    expect((claims['realm_access'] as { roles: string[] }).roles).toContain('owner');

    const asked = { tenantId: tenant.id, userId: created.ownerId };
    const decisions = await authorizer.checkMany([
      { ...asked, action: 'manage_users' },
      { ...asked, action: 'sell', storeId: created.storeId },
      { ...asked, action: 'refund', storeId: created.storeId },
      { ...asked, userId: 'someone-else', action: 'sell', storeId: created.storeId },
    ]);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
  });
});
